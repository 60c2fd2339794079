import { afterAll, afterEach, describe, expect, it } from 'vitest'
import { sql } from '@/db/client'
import { lowStockVariants } from '@/lib/admin/dashboard'
import { cleanUpFixtures, trackProduct } from '@/lib/testing/admin'
import { createTestProduct } from '@/lib/testing/commerce'
import { returnEligibility } from '@/lib/returns/queries'
import { createTestUser, expectForbidden, formData, outcomeOf, signInAs } from '@/lib/testing/auth'
import { productsForSale, insertTestOrder } from '@/lib/testing/orders'
import { saveStoreSettingsAction } from './actions'
import { getStoreSettings } from './queries'

afterEach(async () => {
  signInAs(null)
  await sql`delete from store_settings`
})
afterAll(cleanUpFixtures)

const save = (fields: Record<string, string>) => outcomeOf(saveStoreSettingsAction(null, formData(fields)))

async function signedInAdmin() {
  const admin = await createTestUser({ role: 'admin' })
  signInAs(admin)
  return admin
}

/** An order delivered `daysAgo` days ago. */
async function deliveredOrder(daysAgo: number) {
  const [product] = await productsForSale(1)
  const orderId = await insertTestOrder({ userId: null, productIds: [product?.id ?? 0], status: 'delivered' })
  await sql`insert into order_events (order_id, from_status, to_status, actor, created_at)
    values (${orderId}, 'shipped', 'delivered', 'admin', now() - make_interval(days => ${daysAgo}))`
  return { id: orderId, status: 'delivered' as const }
}

describe('store settings', () => {
  it('start from the environment’s defaults; a saved return window is the one returns follow, and the audit log says who changed it', async () => {
    // The test environment sets neither RETURN_WINDOW_DAYS nor CART_REMINDER_DELAY_HOURS.
    expect(await getStoreSettings()).toEqual({ returnWindowDays: 30, cartRemindersEnabled: true, cartReminderDelayHours: 24, lowStockThreshold: 5 })
    const order = await deliveredOrder(20)
    expect(await returnEligibility(order)).toMatchObject({ ok: true })

    const admin = await signedInAdmin()
    expect(await save({ returnWindowDays: ' 14 ', cartReminderDelayHours: '48', lowStockThreshold: '8' })).toEqual({ kind: 'returned', value: { ok: true, message: 'Settings saved.' } })

    // The unticked box turns reminders off.
    expect(await getStoreSettings()).toEqual({ returnWindowDays: 14, cartRemindersEnabled: false, cartReminderDelayHours: 48, lowStockThreshold: 8 })
    expect(await returnEligibility(order)).toMatchObject({ ok: false, error: expect.stringMatching(/^The return window for this order closed on .+, 14 days after delivery\.$/) })
    const [entry] = await sql<{ actor_email: string; before: Record<string, unknown>; after: Record<string, unknown> }[]>`
      select actor_email, before, after from audit_log where action = 'settings.update' order by id desc limit 1`
    expect(entry).toEqual({
      actor_email: admin.email,
      before: { returnWindowDays: 30, cartRemindersEnabled: true, cartReminderDelayHours: 24, lowStockThreshold: 5, defaults: true },
      after: { returnWindowDays: 14, cartRemindersEnabled: false, cartReminderDelayHours: 48, lowStockThreshold: 8 },
    })

    // Saved again: one row, the new values.
    await save({ returnWindowDays: '0', cartRemindersEnabled: 'on', cartReminderDelayHours: '1', lowStockThreshold: '0' })
    expect(await sql`select return_window_days, cart_reminders_enabled, cart_reminder_delay_hours, low_stock_threshold from store_settings`).toEqual([
      { return_window_days: 0, cart_reminders_enabled: true, cart_reminder_delay_hours: 1, low_stock_threshold: 0 },
    ])
    expect(await returnEligibility(await deliveredOrder(0))).toEqual({ ok: false, error: 'This shop does not take returns. Contact us if something is wrong with your order.', deadline: null })
  })

  it.each([
    [
      'an empty return window',
      { returnWindowDays: '', cartReminderDelayHours: '24', lowStockThreshold: '5' },
      'returnWindowDays',
      'Enter the return window in whole days, from 0 (no returns) to 365.',
    ],
    [
      'a negative return window',
      { returnWindowDays: '-1', cartReminderDelayHours: '24', lowStockThreshold: '5' },
      'returnWindowDays',
      'Enter the return window in whole days, from 0 (no returns) to 365.',
    ],
    [
      'a window over a year',
      { returnWindowDays: '400', cartReminderDelayHours: '24', lowStockThreshold: '5' },
      'returnWindowDays',
      'Enter the return window in whole days, from 0 (no returns) to 365.',
    ],
    ['half a day', { returnWindowDays: '2.5', cartReminderDelayHours: '24', lowStockThreshold: '5' }, 'returnWindowDays', 'Enter the return window in whole days, from 0 (no returns) to 365.'],
    [
      'a reminder at once',
      { returnWindowDays: '30', cartReminderDelayHours: '0', lowStockThreshold: '5' },
      'cartReminderDelayHours',
      'Enter the reminder delay in whole hours, from 1 to 720 (30 days).',
    ],
    [
      'a reminder in words',
      { returnWindowDays: '30', cartReminderDelayHours: 'a day', lowStockThreshold: '5' },
      'cartReminderDelayHours',
      'Enter the reminder delay in whole hours, from 1 to 720 (30 days).',
    ],
    [
      'no low-stock level',
      { returnWindowDays: '30', cartReminderDelayHours: '24', lowStockThreshold: '' },
      'lowStockThreshold',
      'Enter the low-stock level in whole units, from 0 (sold out only) to 999.',
    ],
    [
      'a low-stock level of a thousand',
      { returnWindowDays: '30', cartReminderDelayHours: '24', lowStockThreshold: '1000' },
      'lowStockThreshold',
      'Enter the low-stock level in whole units, from 0 (sold out only) to 999.',
    ],
    [
      'a negative low-stock level',
      { returnWindowDays: '30', cartReminderDelayHours: '24', lowStockThreshold: '-3' },
      'lowStockThreshold',
      'Enter the low-stock level in whole units, from 0 (sold out only) to 999.',
    ],
  ])('refuse %s beside the field, saving nothing', async (_case, fields, field, message) => {
    await signedInAdmin()
    expect(await save(fields)).toMatchObject({ kind: 'returned', value: { ok: false, fieldErrors: { [field]: [message] } } })
    expect(await sql`select 1 from store_settings`).toHaveLength(0)
  })

  it('the saved low-stock level is what the admin lists as low', async () => {
    const product = await createTestProduct({ stock: 7, priceCents: 1_500 })
    trackProduct(product.id)
    const listedLow = async () => (await lowStockVariants(10_000)).rows.some((variant) => variant.product_id === product.id)
    expect(await listedLow()).toBe(false)
    await signedInAdmin()
    await save({ returnWindowDays: '30', cartReminderDelayHours: '24', lowStockThreshold: '7' })
    expect(await listedLow()).toBe(true)
    await save({ returnWindowDays: '30', cartReminderDelayHours: '24', lowStockThreshold: '6' })
    expect(await listedLow()).toBe(false)
  })

  it('are the admin’s alone', async () => {
    signInAs(await createTestUser())
    await expectForbidden(saveStoreSettingsAction(null, formData({ returnWindowDays: '365', cartReminderDelayHours: '1', lowStockThreshold: '1' })))
    expect(await sql`select 1 from store_settings`).toHaveLength(0)
  })
})
