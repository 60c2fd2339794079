import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { sql } from '@/db/client'
import { addToCartAction, removeCartItemAction, updateCartQuantityAction } from '@/lib/cart/actions'
import { runDueJobs } from '@/lib/jobs/runner'
import { unsubscribeAction } from '@/lib/mail/unsubscribe-action'
import { createTestUser, formData, mailTo, signInAs, uniqueEmail } from '@/lib/testing/auth'
import { changeTestVariant, createCartWith, createTestProduct, placeOrder } from '@/lib/testing/commerce'
import { request } from '@/lib/testing/next-headers-mock'
import { insertTestOrder } from '@/lib/testing/orders'
import { updateCartReminderPreferenceAction } from './actions'
import { scheduleCartReminders } from './reminders'
import { GET as resumeCart } from '@/app/(shop)/cart/resume/route'
import { NextRequest } from 'next/server'

beforeEach(() => {
  request.cookies.clear()
  signInAs(null)
})

const REMINDER_SUBJECT = 'You left something in your Northwind Goods cart'

/** Makes the cart (its lines and any checkout from it) look last touched `hours` ago. */
async function age(cartId: string, hours: number) {
  const then = new Date(Date.now() - hours * 3_600_000).toISOString()
  await sql`update carts set updated_at = ${then} where id = ${cartId}`
  await sql`update cart_items set added_at = ${then} where cart_id = ${cartId}`
  await sql`update orders set created_at = ${then} where cart_id = ${cartId}`
}

async function remindersTo(email: string) {
  await scheduleCartReminders()
  await runDueJobs(100)
  return (await mailTo(email)).filter((mail) => mail.subject.startsWith('You left something'))
}

async function shopperWithCart(hours: number) {
  const user = await createTestUser()
  const product = await createTestProduct({ stock: 5, priceCents: 1_000 })
  const cartId = await createCartWith([{ product, quantity: 2 }], user.id)
  await age(cartId, hours)
  return { user, product, cartId }
}

describe('cart reminders after the shopper edits the cart', () => {
  it('changing a quantity or removing a line starts the wait again: no second reminder at the next run', async () => {
    const user = await createTestUser()
    const [mug, lamp] = [await createTestProduct({ stock: 5, priceCents: 1_000 }), await createTestProduct({ stock: 5, priceCents: 2_000 })]
    const cartId = await createCartWith(
      [
        { product: mug, quantity: 2 },
        { product: lamp, quantity: 1 },
      ],
      user.id,
    )
    await age(cartId, 25)
    expect(await remindersTo(user.email)).toHaveLength(1)
    signInAs(user)
    expect(await updateCartQuantityAction(null, formData({ variantId: String(mug.variantId), quantity: '1' }))).toMatchObject({ ok: true })
    expect(await remindersTo(user.email)).toHaveLength(1)
    await age(cartId, 25)
    expect(await remindersTo(user.email)).toHaveLength(2)
    signInAs(user)
    expect(await removeCartItemAction(null, formData({ variantId: String(lamp.variantId) }))).toMatchObject({ ok: true })
    expect(await remindersTo(user.email)).toHaveLength(2)
  })
})

describe('cart reminders', () => {
  it('one reminder after the delay, at today’s prices, with a link to the cart and one-click unsubscribe headers', async () => {
    const { user, product, cartId } = await shopperWithCart(25)
    await changeTestVariant(product.variantId, { priceCents: 1200 })
    const [mail, ...more] = await remindersTo(user.email)
    expect(more).toEqual([])
    expect(mail?.subject).toBe(REMINDER_SUBJECT)
    expect(mail?.text).toContain(`2 × ${product.name} — $12.00 each`)
    expect(mail?.text).toMatch(/Back to your cart: http\S+\/cart\n/)
    const [headers] = await sql<{ headers: Record<string, string> }[]>`select headers from dev_mailbox where "to" = ${user.email} order by id desc limit 1`
    expect(headers?.headers).toMatchObject({ 'List-Unsubscribe': expect.stringMatching(/^<http\S+\/api\/unsubscribe\?token=\S+>$/), 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' })
    // Never twice for the same contents, however often the schedule runs.
    expect(await remindersTo(user.email)).toHaveLength(1)
    expect(await sql`select 1 from cart_reminders where cart_id = ${cartId}`).toHaveLength(1)
  })

  it('waits for the delay', async () => {
    const { user, cartId } = await shopperWithCart(23)
    expect(await remindersTo(user.email)).toHaveLength(0)
    await age(cartId, 24.5)
    expect(await remindersTo(user.email)).toHaveLength(1)
  })

  it('leaves alone carts abandoned long ago', async () => {
    const { user } = await shopperWithCart(24 * 10)
    expect(await remindersTo(user.email)).toHaveLength(0)
  })

  it('reminds again only when the contents changed and then sat for the delay again', async () => {
    const { user, cartId } = await shopperWithCart(25)
    expect(await remindersTo(user.email)).toHaveLength(1)
    signInAs(user)
    const other = await createTestProduct({ stock: 3 })
    expect(await addToCartAction(null, formData({ productId: String(other.id), quantity: '1' }))).toMatchObject({ ok: true })
    expect(await remindersTo(user.email)).toHaveLength(1)
    await age(cartId, 25)
    expect(await remindersTo(user.email)).toHaveLength(2)
  })

  it('never after the shopper paid for an order since the cart was last touched', async () => {
    const { user, product } = await shopperWithCart(30)
    await insertTestOrder({ userId: user.id, productIds: [product.id], status: 'paid', email: user.email })
    expect(await remindersTo(user.email)).toHaveLength(0)
    // An order from before the cart was last touched does not count.
    const earlier = await shopperWithCart(30)
    const orderId = await insertTestOrder({ userId: earlier.user.id, productIds: [earlier.product.id], status: 'paid', email: earlier.user.email })
    await sql`update orders set created_at = now() - interval '40 hours' where id = ${orderId}`
    expect(await remindersTo(earlier.user.email)).toHaveLength(1)
  })

  it('never to a shopper who opted out on their profile, and again after they opt back in', async () => {
    const { user } = await shopperWithCart(25)
    signInAs(user)
    expect(await updateCartReminderPreferenceAction(null, formData({}))).toMatchObject({ ok: true, message: 'You will get no cart reminders.' })
    expect(await remindersTo(user.email)).toHaveLength(0)
    expect(await updateCartReminderPreferenceAction(null, formData({ cartReminders: 'on' }))).toMatchObject({ ok: true })
    expect(await remindersTo(user.email)).toHaveLength(1)
  })

  it('a queued reminder is dropped when the shopper opts out before it goes out', async () => {
    const { user } = await shopperWithCart(25)
    await scheduleCartReminders()
    signInAs(user)
    await updateCartReminderPreferenceAction(null, formData({}))
    await runDueJobs(100)
    expect((await mailTo(user.email)).filter((mail) => mail.subject === REMINDER_SUBJECT)).toHaveLength(0)
  })

  it('a guest who gave an email at checkout and did not pay is reminded, with a link that reopens the cart; the unsubscribe link stops it', async () => {
    const product = await createTestProduct({ stock: 5 })
    const email = uniqueEmail('guest')
    const { cartId } = await placeOrder([{ product, quantity: 1 }], { email })
    await age(cartId, 26)
    const [mail] = await remindersTo(email)
    const link = /Back to your cart: (\S+)/.exec(mail?.text ?? '')?.[1] ?? ''
    expect(new URL(link).pathname).toBe('/cart/resume')
    expect(new URL(link).searchParams.get('token')).toMatch(new RegExp(`^${cartId}\\.`))
    // Opened behind a proxy that hands Next its own upstream address: the browser stays on the shop's host.
    request.cookies.clear()
    const opened = await resumeCart(new NextRequest(link.replace(new URL(link).origin, 'http://localhost:3000')))
    expect(opened.status).toBe(303)
    expect(opened.headers.get('location')).toBe('/cart')
    expect(request.cookies.has('cart')).toBe(true)

    // A second cart for the same guest address, after they unsubscribed: no mail.
    const token = /Unsubscribe: \S+\?token=(\S+)/.exec(mail?.text ?? '')?.[1] ?? ''
    expect(await unsubscribeAction(null, formData({ token: decodeURIComponent(token) }))).toMatchObject({ ok: true })
    const again = await placeOrder([{ product, quantity: 2 }], { email })
    await age(again.cartId, 26)
    expect(await remindersTo(email)).toHaveLength(1)
  })

  it('a guest cart with no email is never reminded', async () => {
    const product = await createTestProduct({ stock: 5 })
    const cartId = await createCartWith([{ product, quantity: 1 }])
    await age(cartId, 25)
    await scheduleCartReminders()
    expect(await sql`select 1 from cart_reminders where cart_id = ${cartId}`).toHaveLength(0)
  })

  it('a forged unsubscribe link opts nobody out', async () => {
    const { user } = await shopperWithCart(25)
    const forged = Buffer.from(JSON.stringify({ topic: 'cart-reminders', email: user.email })).toString('base64url')
    expect(await unsubscribeAction(null, formData({ token: `${forged}.AAAA` }))).toMatchObject({ ok: false, error: expect.stringContaining('not valid') })
    expect(await sql`select 1 from mail_opt_outs where email = ${user.email}`).toHaveLength(0)
    expect(await remindersTo(user.email)).toHaveLength(1)
  })
})

describe('cart reminders follow the store settings', () => {
  afterEach(async () => {
    await sql`delete from store_settings`
  })

  it('turned off, none is queued, and one queued before is not sent', async () => {
    const { user, cartId } = await shopperWithCart(25)
    await scheduleCartReminders()
    expect(await sql`select 1 from cart_reminders where cart_id = ${cartId}`).toHaveLength(1)
    await sql`insert into store_settings (id, return_window_days, cart_reminders_enabled, cart_reminder_delay_hours) values (1, 30, false, 24)`
    expect(await remindersTo(user.email)).toHaveLength(0)
    const other = await shopperWithCart(25)
    expect(await scheduleCartReminders()).toEqual({ queued: 0 })
    expect(await sql`select 1 from cart_reminders where cart_id = ${other.cartId}`).toHaveLength(0)
  })

  it('wait for the merchant’s delay rather than the default', async () => {
    await sql`insert into store_settings (id, return_window_days, cart_reminders_enabled, cart_reminder_delay_hours) values (1, 30, true, 48)`
    const early = await shopperWithCart(25)
    expect(await remindersTo(early.user.email)).toHaveLength(0)
    const late = await shopperWithCart(49)
    expect(await remindersTo(late.user.email)).toHaveLength(1)
  })
})
