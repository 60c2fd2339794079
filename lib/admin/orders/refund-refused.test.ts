/**
 * A refund the payment provider refuses: the admin is told nothing was refunded, the refund row
 * is marked failed, the order keeps its status, and the audit log says "refused", never "refund".
 * Runs against the local fake Stripe API through the real SDK.
 */
import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { sql } from '@/db/client'
import { auditEntries, cleanUpFixtures, insertOrder } from '@/lib/testing/admin'
import { createTestUser, expectFailure, formData, signInAs, type TestUser } from '@/lib/testing/auth'
import { FakeStripe } from '@/lib/testing/fake-stripe'
import { refundOrderAction } from './actions'

vi.mock('next-auth', () => import('@/lib/testing/next-auth-mock'))
vi.mock('next/headers', () => import('@/lib/testing/next-headers-mock'))
vi.mock('next/cache', async (importOriginal) => ({ ...(await importOriginal<Record<string, unknown>>()), revalidatePath: vi.fn() }))

const fakePort = vi.hoisted(() => {
  const port = 20_000 + Math.floor(Math.random() * 20_000)
  process.env.STRIPE_SECRET_KEY = 'sk_test_refund_refused'
  process.env.STRIPE_WEBHOOK_SECRET = 'whsec_test_refund_refused'
  process.env.STRIPE_API_URL = `http://127.0.0.1:${port}`
  return port
})

const fake = new FakeStripe()
let admin: TestUser
let productId = 0

beforeAll(async () => {
  await fake.start(fakePort)
  admin = await createTestUser({ role: 'admin' })
  productId = (await sql<{ id: number }[]>`select id from products order by id limit 1`)[0]?.id ?? 0
})
beforeEach(() => signInAs(admin))
afterAll(async () => {
  await fake.stop()
  await cleanUpFixtures()
  delete process.env.STRIPE_SECRET_KEY
  delete process.env.STRIPE_WEBHOOK_SECRET
  delete process.env.STRIPE_API_URL
})

async function stripeOrder(totalCents: number) {
  const id = await insertOrder({ totalCents, paymentIntentId: `pi_${randomUUID()}`, items: [{ productId, quantity: 1, unitPriceCents: totalCents }] })
  await sql`update orders set provider = 'stripe' where id = ${id}`
  return id
}

describe('a refund the provider refuses', () => {
  it('is reported to the admin, marked failed and audited as refused, not as a refund', async () => {
    const id = await stripeOrder(4_000)
    fake.refuseRefunds = true
    const result = expectFailure(await refundOrderAction(null, formData({ orderId: String(id), amount: '15', reason: 'Damaged', intent: 'confirm' })))
    fake.refuseRefunds = false
    expect(result.error).toBe('The payment provider did not accept the refund. Nothing was refunded; please try again.')
    expect(fake.requests.filter((request) => request.path === '/v1/refunds')).toHaveLength(1)
    expect(await sql`select amount_cents, status from refunds where order_id = ${id}`).toEqual([{ amount_cents: 1_500, status: 'failed' }])
    expect(await sql`select status, refunded_cents from orders where id = ${id}`).toEqual([{ status: 'paid', refunded_cents: 0 }])
    const entries = await auditEntries('order', id)
    expect(entries.map((entry) => entry.action)).toEqual(['order.refund_refused'])
    expect(entries[0]?.after).toMatchObject({ amountCents: 1_500, reason: 'Damaged' })

    // The failed attempt holds nothing back: the whole amount can still be refunded, and that one is audited as a refund.
    expect(await refundOrderAction(null, formData({ orderId: String(id), amount: '40', reason: 'Damaged', intent: 'confirm' }))).toMatchObject({ ok: true })
    expect((await auditEntries('order', id)).map((entry) => entry.action)).toEqual(['order.refund_refused', 'order.refund'])
    expect(await sql`select amount_cents, status from refunds where order_id = ${id} order by id`).toEqual([
      { amount_cents: 1_500, status: 'failed' },
      { amount_cents: 4_000, status: 'pending' },
    ])
  })
})
