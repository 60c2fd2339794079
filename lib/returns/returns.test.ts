import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { db, sql } from '@/db/client'
import { auditEntries, cleanUpFixtures, insertOrder, trackProduct } from '@/lib/testing/admin'
import { createTestUser, expectFailure, formData, mailTo, signInAs, type TestUser } from '@/lib/testing/auth'
import { changeTestVariant, createCartWith, createTestProduct, orderRow, stockOf, type TestProduct, variantStockOf } from '@/lib/testing/commerce'
import { createTestPromotion, uniqueCode } from '@/lib/testing/promotions'
import { applyPromotionCode } from '@/lib/cart/promotion-code'
import { startCheckout } from '@/lib/orders/checkout'
import { completeDemoCheckout } from '@/lib/payments/demo'
import { cacheCalls } from '@/lib/testing/next-cache'
import { runDueJobs } from '@/lib/jobs/runner'
import { deleteAccount } from '@/lib/account/deletion'
import { refundOrder } from '@/lib/payments/refunds'
import { requestReturnAction } from './actions'
import { closeReturnAction, decideReturnAction, receiveReturnAction, refundReturnAction } from './admin-actions'
import { listReturnsForOrder, returnableAmountCents, returnableLines } from './queries'
import { transitionReturn } from './service'
import { canTransitionReturn, type ReturnStatus } from './status'

vi.mock('next/cache', async (importOriginal) => ({ ...(await importOriginal<Record<string, unknown>>()), revalidatePath: vi.fn() }))

let admin: TestUser
let shopper: TestUser
let mug: TestProduct
let lamp: TestProduct
beforeAll(async () => {
  admin = await createTestUser({ role: 'admin' })
  shopper = await createTestUser()
  mug = await createTestProduct({ stock: 10, priceCents: 1_000 })
  lamp = await createTestProduct({ stock: 4, priceCents: 2_500 })
  trackProduct(mug.id)
  trackProduct(lamp.id)
})
afterAll(cleanUpFixtures)

const STATUSES: ReturnStatus[] = ['requested', 'approved', 'rejected', 'received', 'refunded', 'closed']
// Written out by hand from the lifecycle the merchant follows, not read from the implementation.
const LEGAL = new Set(['requested>approved', 'requested>rejected', 'approved>received', 'received>refunded', 'received>closed'])
/** How the refusal names a status. */
const named = (status: ReturnStatus) => (status === 'closed' ? 'closed without refund' : status)

type Fixture = { orderId: number; key: string; lines: { mug: number; lamp: number } }

/** A demo-paid order of 2 mugs ($10) and 1 lamp ($25), delivered `daysAgo` days ago. */
async function deliveredOrder(options: { userId?: string | null; daysAgo?: number; status?: 'delivered' | 'shipped' | 'cancelled' | 'partially_refunded'; email?: string } = {}): Promise<Fixture> {
  const orderId = await insertOrder({
    userId: options.userId ?? null,
    email: options.email ?? `returns-${randomUUID().slice(0, 8)}@example.com`,
    status: options.status ?? 'delivered',
    totalCents: 4_500,
    paymentIntentId: `demo_pi_${randomUUID()}`,
    items: [
      { productId: mug.id, quantity: 2, unitPriceCents: 1_000 },
      { productId: lamp.id, quantity: 1, unitPriceCents: 2_500 },
    ],
  })
  if ((options.status ?? 'delivered') !== 'shipped' && options.status !== 'cancelled') {
    await sql`insert into order_events (order_id, from_status, to_status, actor, created_at)
      values (${orderId}, 'shipped', 'delivered', 'admin', now() - make_interval(days => ${options.daysAgo ?? 2}))`
  }
  const items = await sql<{ id: number; product_id: number }[]>`select id, product_id from order_items where order_id = ${orderId} order by id`
  const [order] = await sql<{ access_key: string }[]>`select access_key from orders where id = ${orderId}`
  return { orderId, key: order?.access_key ?? '', lines: { mug: items.find((item) => item.product_id === mug.id)?.id ?? 0, lamp: items.find((item) => item.product_id === lamp.id)?.id ?? 0 } }
}

function requestForm(order: Fixture, quantities: { mug?: number; lamp?: number }, extra: Record<string, string> = {}) {
  const fields: Record<string, string> = { orderId: String(order.orderId), reason: 'wrong_size', note: 'Too small', ...extra }
  if (quantities.mug !== undefined) fields[`qty-${order.lines.mug}`] = String(quantities.mug)
  if (quantities.lamp !== undefined) fields[`qty-${order.lines.lamp}`] = String(quantities.lamp)
  return formData(fields)
}

const returnsOf = (orderId: number) => sql<{ id: number; status: ReturnStatus; refund_cents: number | null }[]>`select id, status, refund_cents from returns where order_id = ${orderId} order by id`
const statusOf = async (returnId: number) => (await sql<{ status: ReturnStatus }[]>`select status from returns where id = ${returnId}`)[0]?.status
const eventsOf = (returnId: number) =>
  sql<{ from_status: string | null; to_status: string; actor: string }[]>`select from_status, to_status, actor from return_events where return_id = ${returnId} order by id`

async function request(order: Fixture, quantities: { mug?: number; lamp?: number }, as: TestUser | null = shopper, extra: Record<string, string> = {}) {
  signInAs(as)
  return requestReturnAction(null, requestForm(order, quantities, extra))
}

async function newReturnId(order: Fixture, quantities: { mug?: number; lamp?: number }) {
  expect(await request(order, quantities, null, { key: order.key })).toMatchObject({ ok: true })
  const rows = await returnsOf(order.orderId)
  return rows[rows.length - 1]?.id ?? 0
}

const asAdmin = <T>(call: () => Promise<T>) => {
  signInAs(admin)
  return call()
}
const approve = (returnId: number, message = '') => asAdmin(() => decideReturnAction(null, formData({ returnId: String(returnId), decision: 'approve', message })))
const reject = (returnId: number, message: string) => asAdmin(() => decideReturnAction(null, formData({ returnId: String(returnId), decision: 'reject', message })))
const receive = (returnId: number, restock: number[] = []) =>
  asAdmin(() => receiveReturnAction(null, formData({ returnId: String(returnId), ...Object.fromEntries(restock.map((id) => [`restock-${id}`, 'on'])) })))
const refund = (returnId: number, amount: string) => asAdmin(() => refundReturnAction(null, formData({ returnId: String(returnId), amount })))
const close = (returnId: number, message: string) => asAdmin(() => closeReturnAction(null, formData({ returnId: String(returnId), message })))
const returnItemIds = async (returnId: number) => sql<{ id: number; order_item_id: number }[]>`select id, order_item_id from return_items where return_id = ${returnId} order by id`

describe('the return state machine', () => {
  it.each(STATUSES.flatMap((from) => STATUSES.map((to) => [from, to] as const)))('%s → %s is allowed only if the lifecycle says so', (from, to) => {
    expect(canTransitionReturn(from, to)).toBe(LEGAL.has(`${from}>${to}`))
  })

  it.each(STATUSES)('from %s, every illegal move is refused and changes nothing', async (from) => {
    const order = await deliveredOrder()
    const returnId = await newReturnId(order, { mug: 1 })
    await sql`update returns set status = ${from} where id = ${returnId}`
    const before = await eventsOf(returnId)
    for (const to of STATUSES.filter((target) => !LEGAL.has(`${from}>${target}`))) {
      const moved = await db.transaction((tx) => transitionReturn(tx, { returnId, to, actor: 'admin', actorUserId: admin.id }))
      expect(moved).toEqual({ ok: false, error: expect.stringMatching(new RegExp(`^A return that is ${named(from)} cannot be ${named(to)}\\.$`)) })
      expect(await statusOf(returnId)).toBe(from)
    }
    expect(await eventsOf(returnId)).toEqual(before)
  })
})

describe('a shopper asks for a return', () => {
  it('the owner, signed in, returns part of a delivered order; the order shows it and they are emailed', async () => {
    const order = await deliveredOrder({ userId: shopper.id, email: shopper.email })
    expect(await request(order, { mug: 1, lamp: 0 })).toMatchObject({ ok: true, message: expect.stringMatching(/^Return R-\d+ is requested/) })
    const [created] = await returnsOf(order.orderId)
    expect(created).toMatchObject({ status: 'requested' })
    expect(await sql`select quantity, restock from return_items where return_id = ${created?.id ?? 0}`).toEqual([{ quantity: 1, restock: null }])
    expect(await sql`select reason, note, requested_by_user_id from returns where id = ${created?.id ?? 0}`).toEqual([{ reason: 'wrong_size', note: 'Too small', requested_by_user_id: shopper.id }])
    expect(await eventsOf(created?.id ?? 0)).toEqual([{ from_status: null, to_status: 'requested', actor: 'customer' }])
    await runDueJobs(100)
    expect((await mailTo(shopper.email)).map((mail) => mail.subject)).toEqual([expect.stringMatching(/^We received your return request \(return R-\d+, order #\d+\)$/)])
  })

  it('a guest with the order key can, a guest without it cannot', async () => {
    const order = await deliveredOrder()
    expect(expectFailure(await request(order, { mug: 1 }, null, { key: `${order.key}x` })).error).toMatch(/could not find that order/)
    expect(expectFailure(await request(order, { mug: 1 }, null)).error).toMatch(/could not find that order/)
    expect(await returnsOf(order.orderId)).toEqual([])
    expect(await request(order, { mug: 1 }, null, { key: order.key })).toMatchObject({ ok: true })
    expect(await returnsOf(order.orderId)).toHaveLength(1)
  })

  it.each([
    ['someone else’s order', { owner: 'other' }, /could not find that order/],
    ['an order not delivered yet', { status: 'shipped' }, /has not been delivered yet/],
    ['an order delivered 31 days ago (window: 30)', { daysAgo: 31 }, /return window for this order closed on/],
    ['a cancelled order', { status: 'cancelled' }, /was cancelled/],
  ] as const)('refuses %s, and changes nothing', async (_, setup, message) => {
    const other = await createTestUser()
    const order = await deliveredOrder({
      userId: 'owner' in setup ? other.id : shopper.id,
      status: 'status' in setup ? setup.status : 'delivered',
      daysAgo: 'daysAgo' in setup ? setup.daysAgo : 2,
    })
    expect(expectFailure(await request(order, { mug: 1 })).error).toMatch(message)
    expect(await returnsOf(order.orderId)).toEqual([])
    expect(await sql`select 1 from jobs where dedupe_key like ${`return-update:%`} and payload->>'returnId' in (select id::text from returns where order_id = ${order.orderId})`).toEqual([])
  })

  it('an order delivered 29 days ago is still inside the window', async () => {
    const order = await deliveredOrder({ userId: shopper.id, daysAgo: 29 })
    expect(await request(order, { lamp: 1 })).toMatchObject({ ok: true })
  })

  it('never more than was bought, counting what is already in a return; a rejected return frees its items', async () => {
    const order = await deliveredOrder({ userId: shopper.id })
    expect(expectFailure(await request(order, { mug: 3 })).error).toBe(`You can return at most 2 of ${mug.name} (2 bought).`)
    expect(expectFailure(await request(order, { mug: 0, lamp: 0 })).error).toBe('Choose at least one item and how many of it to return.')
    expect(expectFailure(await request(order, { mug: -1 })).fieldErrors?.lines).toBeDefined()
    expect(await returnsOf(order.orderId)).toEqual([])

    expect(await request(order, { mug: 1 })).toMatchObject({ ok: true })
    expect(expectFailure(await request(order, { mug: 2 })).error).toBe(`You can return at most 1 of ${mug.name} (2 bought, 1 already in a return).`)
    const [first] = await returnsOf(order.orderId)
    expect(await reject(first?.id ?? 0, 'Worn')).toMatchObject({ ok: true })
    // Rejected: both mugs may be asked for again.
    expect(await request(order, { mug: 2, lamp: 1 })).toMatchObject({ ok: true })
    expect(expectFailure(await request(order, { lamp: 1 })).error).toBe('Every item of this order is already in a return.')
    expect(await returnsOf(order.orderId)).toHaveLength(2)
  })

  it('a deleted account’s returns stay, without the shopper’s note', async () => {
    const leaving = await createTestUser()
    const order = await deliveredOrder({ userId: leaving.id })
    expect(await request(order, { mug: 1 }, leaving, { note: 'My flat at 5 Elm Road is too small' })).toMatchObject({ ok: true })
    await deleteAccount(leaving.id)
    expect(await sql`select status, note from returns where order_id = ${order.orderId}`).toEqual([{ status: 'requested', note: '' }])
  })

  it('refuses a line of another order', async () => {
    const order = await deliveredOrder({ userId: shopper.id })
    const elsewhere = await deliveredOrder({ userId: shopper.id })
    signInAs(shopper)
    const form = formData({ orderId: String(order.orderId), reason: 'damaged', [`qty-${elsewhere.lines.mug}`]: '1' })
    expect(expectFailure(await requestReturnAction(null, form)).error).toMatch(/not part of this order/)
    expect(await returnsOf(order.orderId)).toEqual([])
  })
})

describe('the merchant handles a return', () => {
  it('a returned item restocked onto an empty shelf expires its page and the cached lists of cards', async () => {
    const order = await deliveredOrder()
    const returnId = await newReturnId(order, { lamp: 1 })
    await approve(returnId)
    await changeTestVariant(lamp.variantId, { stock: 0 })
    const [lampItem] = await returnItemIds(returnId)
    cacheCalls.expired.length = 0
    expect(await receive(returnId, [lampItem?.id ?? 0])).toMatchObject({ ok: true, message: 'Items received; 1 item back in stock.' })
    expect(await stockOf(lamp.id)).toBe(1)
    expect(cacheCalls.expired.toSorted()).toEqual(['catalog:cards', `catalog:product:${lamp.slug}`])
  })

  it('approves, receives (restocking one line, not the other) and refunds; each step is audited, timed and mailed', async () => {
    const order = await deliveredOrder({ userId: shopper.id, email: `flow-${randomUUID().slice(0, 8)}@example.com` })
    const returnId = await newReturnId(order, { mug: 2, lamp: 1 })
    const [mugStock, lampStock] = [await stockOf(mug.id), await stockOf(lamp.id)]

    expect(await approve(returnId, 'Send them back in the box')).toMatchObject({ ok: true })
    expect(expectFailure(await refund(returnId, '45')).error).toMatch(/mark its items received first/)
    const items = await returnItemIds(returnId)
    const mugItem = items.find((item) => item.order_item_id === order.lines.mug)?.id ?? 0
    cacheCalls.expired.length = 0
    expect(await receive(returnId, [mugItem])).toMatchObject({ ok: true, message: 'Items received; 2 items back in stock.' })
    // The mug's page shows its stock; its cards said "In stock" before and still do, and the lamp stayed out.
    expect(cacheCalls.expired).toEqual([`catalog:product:${mug.slug}`])
    expect(await stockOf(mug.id)).toBe((mugStock ?? 0) + 2)
    expect(await stockOf(lamp.id)).toBe(lampStock)
    expect(await sql`select restock from return_items where return_id = ${returnId} order by id`).toEqual([{ restock: true }, { restock: false }])
    expect(await sql`select delta, reason, order_id from stock_movements where product_id = ${mug.id} and note = ${`Return #${returnId}`}`).toEqual([
      { delta: 2, reason: 'restock', order_id: order.orderId },
    ])

    expect(expectFailure(await refund(returnId, '45.01')).error).toBe('You can refund at most $45.00 for this return.')
    expect(await refund(returnId, '45')).toMatchObject({ ok: true })
    expect(await returnsOf(order.orderId)).toEqual([{ id: returnId, status: 'refunded', refund_cents: 4_500 }])
    expect(await sql`select status, refunded_cents from orders where id = ${order.orderId}`).toEqual([{ status: 'refunded', refunded_cents: 4_500 }])
    // A second click finds the return refunded: no second refund.
    expect(expectFailure(await refund(returnId, '1')).error).toMatch(/refunded cannot be refunded/)
    expect(await sql`select amount_cents, restock from refunds where order_id = ${order.orderId}`).toEqual([{ amount_cents: 4_500, restock: false }])

    expect((await eventsOf(returnId)).map((event) => event.to_status)).toEqual(['requested', 'approved', 'received', 'refunded'])
    expect((await auditEntries('return', returnId)).map((entry) => entry.action)).toEqual(['return.approve', 'return.receive', 'return.refund'])
    await runDueJobs(100)
    const subjects = (await sql<{ subject: string }[]>`select subject from dev_mailbox where "to" = (select email from orders where id = ${order.orderId}) order by id`).map((mail) => mail.subject)
    const [arrived] = await sql<{ text: string }[]>`
      select text from dev_mailbox where "to" = (select email from orders where id = ${order.orderId}) and subject like 'We received your returned items%'`
    expect(arrived?.text).toContain('Your returned items reached us. Your refund follows shortly.')
    // One mail per step (the runner does not promise their order).
    expect(subjects.map((subject) => subject.replace(/ \(return.*$/, '')).sort()).toEqual([
      'We received your return request',
      'We received your returned items',
      'Your return is approved',
      'Your return is refunded',
    ])
  })

  it('refunds only the returned lines of a partially returned order, and never more than is left to refund', async () => {
    const order = await deliveredOrder({ userId: shopper.id })
    const first = await newReturnId(order, { mug: 1 })
    await approve(first)
    await receive(first)
    expect(await returnableAmountCents(first)).toMatchObject({ linesCents: 1_000, orderRefundableCents: 4_500, maxCents: 1_000 })
    expect(expectFailure(await refund(first, '10.01')).error).toBe('You can refund at most $10.00 for this return.')
    expect(await refund(first, '10')).toMatchObject({ ok: true })
    expect(await sql`select status, refunded_cents from orders where id = ${order.orderId}`).toEqual([{ status: 'partially_refunded', refunded_cents: 1_000 }])

    // The other mug and the lamp: $35 of lines; a merchant refund of $20 meanwhile leaves $15 refundable on the order.
    const second = await newReturnId(order, { mug: 1, lamp: 1 })
    await approve(second)
    await receive(second)
    expect(await returnableAmountCents(second)).toMatchObject({ linesCents: 3_500, orderRefundableCents: 3_500, maxCents: 3_500 })
    expect(await refundOrder({ orderId: order.orderId, amountCents: 2_000, restock: false, reason: 'Goodwill', actorUserId: admin.id })).toMatchObject({ ok: true })
    expect(await returnableAmountCents(second)).toMatchObject({ linesCents: 3_500, orderRefundableCents: 1_500, maxCents: 1_500 })
    expect(expectFailure(await refund(second, '35')).error).toBe('You can refund at most $15.00 for this return.')
    expect(await statusOf(second)).toBe('received')
    // Edited down by the merchant.
    expect(await refund(second, '12.50')).toMatchObject({ ok: true })
    expect(await returnsOf(order.orderId)).toEqual([
      { id: first, status: 'refunded', refund_cents: 1_000 },
      { id: second, status: 'refunded', refund_cents: 1_250 },
    ])
    expect(await sql`select refunded_cents from orders where id = ${order.orderId}`).toEqual([{ refunded_cents: 4_250 }])
  })

  it('a full refund with restock later puts back only what the return did not', async () => {
    const order = await deliveredOrder({ userId: shopper.id })
    const returnId = await newReturnId(order, { mug: 1 })
    await approve(returnId)
    const [item] = await returnItemIds(returnId)
    const [mugStock, lampStock] = [(await stockOf(mug.id)) ?? 0, (await stockOf(lamp.id)) ?? 0]
    await receive(returnId, [item?.id ?? 0])
    expect(await stockOf(mug.id)).toBe(mugStock + 1)
    expect(await refund(returnId, '10')).toMatchObject({ ok: true })
    // The merchant then refunds the rest of the order, asking for the items back in stock.
    expect(await refundOrder({ orderId: order.orderId, amountCents: 3_500, restock: true, reason: 'Whole order back', actorUserId: admin.id })).toMatchObject({ ok: true })
    expect(await sql`select status from orders where id = ${order.orderId}`).toEqual([{ status: 'refunded' }])
    expect(await stockOf(mug.id)).toBe(mugStock + 2)
    expect(await stockOf(lamp.id)).toBe(lampStock + 1)
  })

  it('closes a received return with nothing left to refund; the shopper is told why, on the order and by email', async () => {
    const order = await deliveredOrder({ userId: shopper.id, email: `closed-${randomUUID().slice(0, 8)}@example.com` })
    const returnId = await newReturnId(order, { mug: 1 })
    await approve(returnId)
    expect(expectFailure(await close(returnId, 'Refunded with the order')).error).toBe('A return that is approved cannot be closed without refund.')
    await receive(returnId)
    // The merchant had already refunded the whole order: the return's refund has nothing to pay.
    expect(await refundOrder({ orderId: order.orderId, amountCents: 4_500, restock: false, reason: 'Lost parcel', actorUserId: admin.id })).toMatchObject({ ok: true })
    expect(expectFailure(await refund(returnId, '10')).error).toBe('Nothing is left to refund on this order.')

    expect(expectFailure(await close(returnId, '  ')).fieldErrors?.message).toEqual(['Tell the shopper why the return is closed without a refund.'])
    expect(expectFailure(await asAdmin(() => closeReturnAction(null, formData({ returnId: String(returnId) })))).fieldErrors?.message).toEqual([
      'Tell the shopper why the return is closed without a refund.',
    ])
    expect(await statusOf(returnId)).toBe('received')
    expect(await close(returnId, 'Your whole order was refunded on 2 May.')).toMatchObject({ ok: true })
    expect(await sql`select status, merchant_message, refund_cents, closed_at is not null as closed from returns where id = ${returnId}`).toEqual([
      { status: 'closed', merchant_message: 'Your whole order was refunded on 2 May.', refund_cents: null, closed: true },
    ])
    expect(expectFailure(await close(returnId, 'Again')).error).toBe('A return that is closed without refund cannot be closed without refund.')
    expect((await eventsOf(returnId)).map((event) => event.to_status)).toEqual(['requested', 'approved', 'received', 'closed'])
    expect((await auditEntries('return', returnId)).map((entry) => entry.action)).toEqual(['return.approve', 'return.receive', 'return.close'])

    // The shopper's order page shows it closed, with the merchant's reason.
    expect(await listReturnsForOrder(order.orderId)).toMatchObject([{ status: 'closed', merchantMessage: 'Your whole order was refunded on 2 May.' }])
    // A closed return still holds its items: they cannot be asked for again.
    expect((await returnableLines(order.orderId)).find((line) => line.orderItemId === order.lines.mug)).toMatchObject({ bought: 2, alreadyReturned: 1, returnable: 1 })

    await runDueJobs(100)
    const [mail] = await sql<{ text: string }[]>`
      select text from dev_mailbox where "to" = (select email from orders where id = ${order.orderId}) and subject like 'Your return is closed%'`
    expect(mail?.text).toContain('We closed your return without a refund.')
    expect(mail?.text).toContain('Your whole order was refunded on 2 May.')
    // Sent once the order had nothing left to refund, the "items arrived" mail promises no refund.
    const [arrived] = await sql<{ text: string }[]>`
      select text from dev_mailbox where "to" = (select email from orders where id = ${order.orderId}) and subject like 'We received your returned items%'`
    expect(arrived?.text).toContain('Your returned items reached us.')
    expect(arrived?.text).not.toContain('refund')
  })

  it('refuses to close a return while its refund is with the payment provider', async () => {
    const order = await deliveredOrder({ userId: shopper.id })
    const returnId = await newReturnId(order, { lamp: 1 })
    await approve(returnId)
    await receive(returnId)
    await sql`update returns set refund_started_at = now() where id = ${returnId}`
    expect(expectFailure(await close(returnId, 'Changed our mind')).error).toBe('A refund for this return is on its way, so it cannot be closed. Reload the page in a moment.')
    expect(await statusOf(returnId)).toBe('received')
    // A claim older than the provider could take is a crash, not a refund on its way.
    await sql`update returns set refund_started_at = now() - interval '1 hour' where id = ${returnId}`
    expect(await close(returnId, 'Changed our mind')).toMatchObject({ ok: true })
  })

  it('refuses approving a rejected return, and a rejection without a reason', async () => {
    const order = await deliveredOrder({ userId: shopper.id })
    const returnId = await newReturnId(order, { lamp: 1 })
    expect(expectFailure(await reject(returnId, '')).fieldErrors?.message).toEqual(['Tell the shopper why the return is rejected.'])
    expect(await statusOf(returnId)).toBe('requested')
    expect(await reject(returnId, 'Used')).toMatchObject({ ok: true })
    expect(expectFailure(await approve(returnId)).error).toBe('A return that is rejected cannot be approved.')
    expect(expectFailure(await receive(returnId)).error).toBe('A return that is rejected cannot be received.')
    expect(await statusOf(returnId)).toBe('rejected')
    expect(await sql`select merchant_message from returns where id = ${returnId}`).toEqual([{ merchant_message: 'Used' }])
    expect((await auditEntries('return', returnId)).map((entry) => entry.action)).toEqual(['return.reject'])
  })

  it('only an admin may run the merchant’s steps', async () => {
    const order = await deliveredOrder({ userId: shopper.id })
    const returnId = await newReturnId(order, { lamp: 1 })
    signInAs(shopper)
    await expect(decideReturnAction(null, formData({ returnId: String(returnId), decision: 'approve' }))).rejects.toMatchObject({ digest: 'NEXT_HTTP_ERROR_FALLBACK;403' })
    expect(await statusOf(returnId)).toBe('requested')
  })
})

describe('what a returned line is worth, bought through the real checkout', () => {
  const shipTo = { fullName: 'Ada Lovelace', line1: '1 Lane', line2: '', city: 'Portland', region: 'OR', postalCode: '97201', country: 'US', phone: '' }

  /** Cart, checkout and the demo payment, then marked delivered. */
  async function boughtAndDelivered(lines: { product: TestProduct; quantity: number }[], options: { code?: string; address?: typeof shipTo } = {}) {
    const address = options.address ?? shipTo
    const cartId = await createCartWith(lines)
    if (options.code) expect(await applyPromotionCode(cartId, options.code, null)).toMatchObject({ ok: true })
    const placed = await startCheckout({ cartId, userId: null, email: `worth-${randomUUID().slice(0, 8)}@example.com`, destination: { country: address.country, region: address.region } })
    if (!placed.ok) throw new Error(placed.error)
    await completeDemoCheckout((await orderRow(placed.orderId)).checkout_session_id ?? '', { email: 'worth@example.com', shipping: address })
    await sql`update orders set status = 'delivered' where id = ${placed.orderId}`
    await sql`insert into order_events (order_id, from_status, to_status, actor) values (${placed.orderId}, 'shipped', 'delivered', 'admin')`
    const [order] = await sql<{ access_key: string; total_cents: number }[]>`select access_key, total_cents from orders where id = ${placed.orderId}`
    const [item] = await sql<{ id: number }[]>`select id from order_items where order_id = ${placed.orderId} order by id`
    return { orderId: placed.orderId, key: order?.access_key ?? '', totalCents: order?.total_cents ?? 0, itemId: item?.id ?? 0 }
  }

  async function returnUnits(order: { orderId: number; key: string; itemId: number }, units: number) {
    signInAs(null)
    expect(await requestReturnAction(null, formData({ orderId: String(order.orderId), key: order.key, reason: 'changed_mind', note: '', [`qty-${order.itemId}`]: String(units) }))).toMatchObject({
      ok: true,
    })
    const rows = await returnsOf(order.orderId)
    const returnId = rows[rows.length - 1]?.id ?? 0
    await approve(returnId)
    await receive(returnId)
    return returnId
  }

  it('a unit of a discounted line is worth its share of what the line cost, and the units add up to it', async () => {
    const candle = await createTestProduct({ stock: 10, priceCents: 2_000 })
    const code = uniqueCode('HALF')
    await createTestPromotion({ kind: 'percentage', percentBasisPoints: 5_000, code })
    // 2 × $20.00, half off: $20.00 for the pair, plus $4.95 shipping under $50.
    const order = await boughtAndDelivered([{ product: candle, quantity: 2 }], { code })
    expect(order.totalCents).toBe(2_495)
    const first = await returnUnits(order, 1)
    expect(await returnableAmountCents(first)).toMatchObject({ linesCents: 1_000, maxCents: 1_000 })
    expect(expectFailure(await refund(first, '10.01')).error).toBe('You can refund at most $10.00 for this return.')
    expect(await refund(first, '10')).toMatchObject({ ok: true })
    const second = await returnUnits(order, 1)
    expect(await returnableAmountCents(second)).toMatchObject({ linesCents: 1_000, maxCents: 1_000 })
  })

  it('three units for $29.00 go back as $9.66, $9.67 and $9.67: never a cent more than the line', async () => {
    const soap = await createTestProduct({ stock: 10, priceCents: 1_000 })
    const code = uniqueCode('ONE')
    await createTestPromotion({ kind: 'fixed', amountCents: 100, code })
    const order = await boughtAndDelivered([{ product: soap, quantity: 3 }], { code })
    const worth = []
    for (let unit = 0; unit < 3; unit++) worth.push((await returnableAmountCents(await returnUnits(order, 1)))?.linesCents)
    expect(worth).toEqual([966, 967, 967])
  })

  it('with prices before tax, a returned item is worth its tax too', async () => {
    await sql`insert into tax_rates (country, region, name, rate_ppm, shipping_taxable) values ('US', 'WA', 'Sales tax', 100000, true)`
    try {
      const speaker = await createTestProduct({ stock: 10, priceCents: 10_000 })
      // $100.00 + 10 % tax; shipping is free over $50.
      const order = await boughtAndDelivered([{ product: speaker, quantity: 1 }], { address: { ...shipTo, city: 'Seattle', region: 'WA', postalCode: '98101' } })
      expect(order.totalCents).toBe(11_000)
      expect(await returnableAmountCents(await returnUnits(order, 1))).toMatchObject({ linesCents: 11_000, maxCents: 11_000 })
    } finally {
      await sql`delete from tax_rates where country = 'US' and region = 'WA'`
    }
  })

  it('a return received after a full refund with restock puts nothing back a second time', async () => {
    const kettle = await createTestProduct({ stock: 10, priceCents: 1_000 })
    const order = await boughtAndDelivered([{ product: kettle, quantity: 2 }])
    expect(await variantStockOf(kettle.variantId)).toBe(8)
    signInAs(null)
    expect(await requestReturnAction(null, formData({ orderId: String(order.orderId), key: order.key, reason: 'damaged', note: '', [`qty-${order.itemId}`]: '1' }))).toMatchObject({ ok: true })
    const returnId = (await returnsOf(order.orderId))[0]?.id ?? 0
    await approve(returnId)
    // The merchant refunds the whole order and puts both units back before the parcel arrives.
    expect(await refundOrder({ orderId: order.orderId, amountCents: order.totalCents, restock: true, reason: 'Lost in the post', actorUserId: admin.id })).toMatchObject({ ok: true })
    expect(await variantStockOf(kettle.variantId)).toBe(10)
    const [item] = await returnItemIds(returnId)
    expect(await receive(returnId, [item?.id ?? 0])).toMatchObject({ ok: true, message: expect.stringContaining('Nothing was put back in stock again') })
    expect(await variantStockOf(kettle.variantId)).toBe(10)
    expect(await sql`select restock from return_items where return_id = ${returnId}`).toEqual([{ restock: false }])
  })
})
