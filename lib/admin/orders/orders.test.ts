import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { sql } from '@/db/client'
import { auditEntries, cleanUpFixtures, insertOrder } from '@/lib/testing/admin'
import { createTestUser, expectFailure, formData, mailTo, outcomeOf, signInAs, type TestUser } from '@/lib/testing/auth'
import { runDueJobs } from '@/lib/jobs/runner'
import { cancelOrderAction, correctAddressAction, markDeliveredAction, markShippedAction, refundOrderAction, resendConfirmationAction } from './actions'
import { refundableCents } from '@/lib/orders/queries'
import { createTestProduct, orderEventsOf, placeOrder, stockOf } from '@/lib/testing/commerce'
import { cacheCalls } from '@/lib/testing/next-cache'
import { orderStepDoneMessage } from './done'
import { listAdminOrders, parseOrderListParams } from './queries'

vi.mock('next-auth', () => import('@/lib/testing/next-auth-mock'))
vi.mock('next/headers', () => import('@/lib/testing/next-headers-mock'))
vi.mock('next/cache', async (importOriginal) => ({ ...(await importOriginal<Record<string, unknown>>()), revalidatePath: vi.fn() }))

let admin: TestUser
let productId = 0
beforeAll(async () => {
  admin = await createTestUser({ role: 'admin' })
  productId = (await sql<{ id: number }[]>`select id from products order by id limit 1`)[0]?.id ?? 0
})
beforeEach(() => signInAs(admin))
afterAll(cleanUpFixtures)

/** Where a step whose form leaves the order page sends the admin: back to the page, saying what was done. */
const doneOn = (orderId: number, done: string) => ({ kind: 'redirect', url: `/admin/orders/${orderId}?done=${done}` })

const status = async (id: number) =>
  (await sql<{ status: string; refunded_cents: number; tracking_number: string | null }[]>`select status, refunded_cents, tracking_number from orders where id = ${id}`)[0]

describe('orders admin', () => {
  it('the order page says what was done only for the steps it knows, whatever the query string holds', () => {
    expect(orderStepDoneMessage('cancelled')).toBe('Order cancelled; its reserved stock is back on sale.')
    for (const odd of ['__proto__', 'toString', 'constructor', 'CANCELLED', '', undefined, ['cancelled', 'shipped']]) expect(orderStepDoneMessage(odd)).toBeNull()
  })

  it('corrects a paid order’s address before it ships, on the timeline and in the audit log; not once shipped', async () => {
    const id = await insertOrder({ totalCents: 5000, items: [{ productId, quantity: 1, unitPriceCents: 5000 }] })
    const typo = { fullName: 'Ada Lovelace', line1: '12 Markt Street', line2: '', city: 'Portland', region: 'OR', postalCode: '97201', country: 'US', phone: '' }
    await sql`update orders set shipping_address = ${JSON.stringify(typo)}::jsonb where id = ${id}`
    const correct = (fields: Record<string, string>) => correctAddressAction(null, formData({ orderId: String(id), ...typo, ...fields }))

    expect(expectFailure(await correct({ line1: '' })).fieldErrors?.line1).toEqual(['Enter the street address.'])
    expect(await correct({ line1: '12 Market Street', line2: 'Apt 4' })).toEqual({ ok: true, message: 'Shipping address corrected.' })
    const [saved] = await sql<{ line1: string; line2: string }[]>`select shipping_address->>'line1' as line1, shipping_address->>'line2' as line2 from orders where id = ${id}`
    expect(saved).toEqual({ line1: '12 Market Street', line2: 'Apt 4' })
    expect(await sql`select to_status, actor, note from order_events where order_id = ${id}`).toEqual([{ to_status: 'paid', actor: 'admin', note: 'Shipping address corrected.' }])
    expect(await auditEntries('order', id)).toMatchObject([{ action: 'order.address', before: { line1: '12 Markt Street' }, after: { line1: '12 Market Street', line2: 'Apt 4' } }])

    expect(await outcomeOf(markShippedAction(null, formData({ orderId: String(id), carrier: 'UPS', trackingNumber: '1Z 999 AA1' })))).toEqual(doneOn(id, 'shipped'))
    expect(expectFailure(await correct({ line1: '1 Other Road' })).error).toBe('Only an order that has not shipped yet can change address.')
    expect((await sql<{ line1: string }[]>`select shipping_address->>'line1' as line1 from orders where id = ${id}`)[0]?.line1).toBe('12 Market Street')
  })

  it('sends a paid order’s confirmation again, once however often it is clicked within a minute, and none for an unpaid order', async () => {
    const email = `resend-${randomUUID().slice(0, 8)}@example.com`
    const id = await insertOrder({ totalCents: 5000, email, items: [{ productId, quantity: 1, unitPriceCents: 5000 }] })
    const resend = () => resendConfirmationAction(null, formData({ orderId: String(id) }))
    expect(await resend()).toEqual({ ok: true, message: `The confirmation is on its way to ${email} again.` })
    expect(await resend()).toEqual({ ok: true, message: `The confirmation went to ${email} again less than a minute ago.` })
    await runDueJobs(100)
    expect((await mailTo(email)).map((mail) => mail.subject)).toEqual([`Your Northwind Goods order #${id} is confirmed`])
    expect(await auditEntries('order', id)).toMatchObject([{ action: 'order.resend-confirmation', after: { to: email } }])
    // A minute later it can be sent again.
    await sql`update audit_log set created_at = created_at - interval '61 seconds' where entity_type = 'order' and entity_id = ${String(id)}`
    expect(await resend()).toEqual({ ok: true, message: `The confirmation is on its way to ${email} again.` })
    await runDueJobs(100)
    expect(await mailTo(email)).toHaveLength(2)

    const unpaid = await insertOrder({ totalCents: 100, status: 'pending', paidAt: null })
    expect(expectFailure(await resendConfirmationAction(null, formData({ orderId: String(unpaid) }))).error).toBe('Only a paid order has a confirmation to send.')
    expect(expectFailure(await resendConfirmationAction(null, formData({ orderId: '2147483000' }))).error).toBe('That order does not exist.')
  })

  it('ships a paid order with a tracking number and queues the shipping email; then marks it delivered', async () => {
    const id = await insertOrder({ totalCents: 5000, email: 'ship-me@example.com', items: [{ productId, quantity: 1, unitPriceCents: 5000 }] })
    const ship = (fields: Record<string, string>) => markShippedAction(null, formData({ orderId: String(id), ...fields }))
    expect(expectFailure(await ship({ carrier: 'UPS', trackingNumber: '' })).fieldErrors?.trackingNumber).toBeDefined()
    expect(expectFailure(await ship({ carrier: 'UPS', trackingNumber: '<script>' })).fieldErrors?.trackingNumber).toBeDefined()
    // Back on the order page, which says so: the shipping form is gone from it.
    expect(await outcomeOf(ship({ carrier: 'UPS', trackingNumber: '1Z 999 AA1' }))).toEqual(doneOn(id, 'shipped'))
    expect(await status(id)).toMatchObject({ status: 'shipped', tracking_number: '1Z 999 AA1' })
    expect(await sql`select 1 from jobs where kind = 'mail.order-shipped' and dedupe_key = ${`order-shipped:${id}`}`).toHaveLength(1)
    expect(await sql`select to_status, actor from order_events where order_id = ${id}`).toEqual([{ to_status: 'shipped', actor: 'admin' }])
    expect(await auditEntries('order', id)).toMatchObject([{ action: 'order.ship', after: { status: 'shipped', carrier: 'UPS' } }])
    // Shipping twice is refused: the state machine allows shipped → shipped nowhere.
    expect(expectFailure(await ship({ carrier: 'UPS', trackingNumber: '1Z 999 AA1' })).error).toMatch(/cannot be marked shipped/)
    expect(await outcomeOf(markDeliveredAction(null, formData({ orderId: String(id) })))).toEqual(doneOn(id, 'delivered'))
    expect((await status(id))?.status).toBe('delivered')
  })

  it('refuses illegal moves: shipping an unpaid order, cancelling a paid one; cancels a pending one', async () => {
    const pending = await insertOrder({ totalCents: 1000, status: 'pending' })
    expect(expectFailure(await markShippedAction(null, formData({ orderId: String(pending), carrier: 'DHL', trackingNumber: 'ABC123' }))).error).toMatch(/pending cannot be marked shipped/)
    expect(expectFailure(await markDeliveredAction(null, formData({ orderId: String(pending) }))).error).toMatch(/cannot be marked delivered/)
    const paid = await insertOrder({ totalCents: 1000 })
    expect(expectFailure(await cancelOrderAction(null, formData({ orderId: String(paid) }))).error).toMatch(/paid cannot be marked cancelled/)
    expect(await outcomeOf(cancelOrderAction(null, formData({ orderId: String(pending) })))).toEqual(doneOn(pending, 'cancelled'))
    expect((await status(pending))?.status).toBe('cancelled')
    expect(expectFailure(await cancelOrderAction(null, formData({ orderId: '999999999' }))).error).toBe('That order does not exist.')
  })

  it('cancelling an unpaid order expires its products’ pages, and the cached lists of cards only when one is back on sale', async () => {
    const [plenty, lastTwo] = await Promise.all([createTestProduct({ stock: 5 }), createTestProduct({ stock: 2 })])
    const [some, all] = [await placeOrder([{ product: plenty, quantity: 2 }]), await placeOrder([{ product: lastTwo, quantity: 2 }])]

    cacheCalls.expired.length = 0
    expect(await outcomeOf(cancelOrderAction(null, formData({ orderId: String(some.orderId) })))).toEqual(doneOn(some.orderId, 'cancelled'))
    expect(await stockOf(plenty.id)).toBe(5)
    // Three were left on the shelf: every card said "In stock" and still does.
    expect(cacheCalls.expired).toEqual([`catalog:product:${plenty.slug}`])
    // Cancelled by the admin, then its demo payment page closed, which adds nothing to the timeline.
    expect((await orderEventsOf(some.orderId)).slice(-1)).toEqual([{ from_status: 'pending', to_status: 'cancelled', actor: 'admin', note: '' }])

    cacheCalls.expired.length = 0
    expect(await outcomeOf(cancelOrderAction(null, formData({ orderId: String(all.orderId) })))).toEqual(doneOn(all.orderId, 'cancelled'))
    expect(await stockOf(lastTwo.id)).toBe(2)
    expect(cacheCalls.expired.toSorted()).toEqual(['catalog:cards', `catalog:product:${lastTwo.slug}`])
  })

  it('refunds part of a demo-paid order, then refuses more than what is left', async () => {
    const id = await insertOrder({ totalCents: 5000, paymentIntentId: `demo_pi_${randomUUID()}`, items: [{ productId, quantity: 1, unitPriceCents: 5000 }] })
    const refund = (amount: string) => refundOrderAction(null, formData({ orderId: String(id), amount, reason: 'scratched', intent: 'confirm' }))
    expect(await refund('-5')).toMatchObject({ ok: false, fieldErrors: { amount: expect.any(Array) } })
    expect(await refund('0')).toMatchObject({ ok: false, fieldErrors: { amount: expect.any(Array) } })
    expect(await refund('10')).toMatchObject({ ok: true })
    expect(await status(id)).toMatchObject({ status: 'partially_refunded', refunded_cents: 1000 })
    expect((await refundableCents(id))?.refundableCents).toBe(4000)
    expect(expectFailure(await refund('40.01')).error).toMatch(/at most \$40\.00/)
    expect((await status(id))?.refunded_cents).toBe(1000)
    expect((await auditEntries('order', id)).map((entry) => entry.action)).toEqual(['order.refund'])
  })

  it('a refund is sent only once the amount is confirmed; cancelling sends nothing', async () => {
    const id = await insertOrder({ totalCents: 5000, paymentIntentId: `demo_pi_${randomUUID()}`, items: [{ productId, quantity: 1, unitPriceCents: 5000 }] })
    const submit = (fields: Record<string, string>) => refundOrderAction(null, formData({ orderId: String(id), reason: 'dented', ...fields }))

    const asked = await submit({ amount: '12.5', restock: 'on' })
    expect(asked).toMatchObject({ ok: true, confirm: { question: expect.stringMatching(/^Refund \$12\.50 to the customer\?/), values: { amount: '12.5', reason: 'dented', restock: 'on' } } })
    expect(await submit({ amount: '50.01' })).toMatchObject({ ok: false, fieldErrors: { amount: [expect.stringMatching(/at most \$50\.00/)] } })
    expect(await submit({ amount: '12.5', intent: 'cancel' })).toMatchObject({ ok: true, message: expect.stringContaining('nothing was refunded') })
    expect(await status(id)).toMatchObject({ status: 'paid', refunded_cents: 0 })
    expect((await refundableCents(id))?.refundableCents).toBe(5000)
    expect(await auditEntries('order', id)).toEqual([])

    expect(await submit({ amount: '12.5', intent: 'confirm' })).toMatchObject({ ok: true, message: expect.stringContaining('Refund sent') })
    expect(await status(id)).toMatchObject({ status: 'partially_refunded', refunded_cents: 1250 })
  })

  it('lists orders by number, email, status and date range', async () => {
    const id = await insertOrder({ totalCents: 777, email: 'Needle.Finder@example.com', createdAt: new Date('2024-02-10T10:00:00Z'), paidAt: new Date('2024-02-10T10:00:00Z') })
    const list = (query: Record<string, string>) => listAdminOrders(parseOrderListParams(query))
    expect((await list({ q: `#${id}` })).rows.map((row) => row.id)).toEqual([id])
    expect((await list({ q: 'needle.finder' })).rows.map((row) => row.id)).toEqual([id])
    expect((await list({ q: 'needle.finder', status: 'shipped' })).rows).toEqual([])
    expect((await list({ q: 'needle.finder', from: '2024-02-10', to: '2024-02-10' })).rows).toHaveLength(1)
    expect((await list({ q: 'needle.finder', from: '2024-02-11' })).rows).toEqual([])
    expect(parseOrderListParams({ status: 'nonsense', from: '2024-13-01' })).toMatchObject({ status: 'all', from: '' })
  })
})
