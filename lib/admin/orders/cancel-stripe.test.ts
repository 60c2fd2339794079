/**
 * The admin cancels an unpaid order whose payment page is at Stripe: the page is closed so the
 * customer can no longer pay a cancelled order, and a payment completed meanwhile stops the
 * cancellation. Runs against the local fake Stripe API through the real SDK.
 */
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { auditEntries } from '@/lib/testing/admin'
import { createTestUser, expectFailure, formData, outcomeOf, signInAs, type TestUser } from '@/lib/testing/auth'
import { createTestProduct, orderEventsOf, orderRow, placeOrder, stockOf } from '@/lib/testing/commerce'
import { fakeStripeForFile } from '@/lib/testing/fake-stripe'
import { cancelOrderAction } from './actions'

vi.mock('next-auth', () => import('@/lib/testing/next-auth-mock'))
vi.mock('next/headers', () => import('@/lib/testing/next-headers-mock'))
vi.mock('next/cache', async (importOriginal) => ({ ...(await importOriginal<Record<string, unknown>>()), revalidatePath: vi.fn() }))

const fakePort = vi.hoisted(() => {
  const port = 20_000 + Math.floor(Math.random() * 20_000)
  process.env.STRIPE_SECRET_KEY = 'sk_test_admin_cancel'
  process.env.STRIPE_WEBHOOK_SECRET = 'whsec_test_admin_cancel'
  process.env.STRIPE_API_URL = `http://127.0.0.1:${port}`
  return port
})
const fake = fakeStripeForFile(fakePort)

let admin: TestUser
beforeAll(async () => {
  admin = await createTestUser({ role: 'admin' })
})
beforeEach(() => signInAs(admin))

async function stripeCheckout(stock: number, quantity: number) {
  const product = await createTestProduct({ stock })
  const { orderId } = await placeOrder([{ product, quantity }])
  const sessionId = (await orderRow(orderId)).checkout_session_id ?? ''
  expect(fake.sessions.get(sessionId)?.status).toBe('open')
  return { orderId, sessionId, product }
}

const cancel = (orderId: number) => cancelOrderAction(null, formData({ orderId: String(orderId) }))
const expireCalls = (sessionId: string) => fake.requests.filter((request) => request.method === 'POST' && request.path === `/v1/checkout/sessions/${sessionId}/expire`)

describe('the admin cancels an unpaid Stripe order', () => {
  it('cancels it as the admin, puts the stock back and closes its payment page at Stripe', async () => {
    const { orderId, sessionId, product } = await stripeCheckout(5, 2)
    expect(await stockOf(product.id)).toBe(3)

    expect(await outcomeOf(cancel(orderId))).toEqual({ kind: 'redirect', url: `/admin/orders/${orderId}?done=cancelled` })
    expect((await orderRow(orderId)).status).toBe('cancelled')
    expect(await stockOf(product.id)).toBe(5)
    expect((await orderEventsOf(orderId)).at(-1)).toMatchObject({ from_status: 'pending', to_status: 'cancelled', actor: 'admin' })
    expect(await auditEntries('order', orderId)).toMatchObject([{ action: 'order.cancel', actor_email: admin.email, before: { status: 'pending' }, after: { status: 'cancelled' } }])
    // The customer's Stripe page can no longer take the payment.
    expect(expireCalls(sessionId)).toHaveLength(1)
    expect(fake.sessions.get(sessionId)?.status).toBe('expired')
  })

  it('does not cancel an order the customer paid at Stripe a moment ago, before its event arrived', async () => {
    const { orderId, sessionId, product } = await stripeCheckout(4, 1)
    const session = fake.sessions.get(sessionId)
    if (session) Object.assign(session, { status: 'complete', payment_status: 'paid' })

    expect(expectFailure(await cancel(orderId)).error).toMatch(/^The customer has just paid for this order, so it was not cancelled\./)
    expect((await orderRow(orderId)).status).toBe('pending')
    expect(await stockOf(product.id)).toBe(3)
    expect(expireCalls(sessionId)).toHaveLength(0)
    expect(await auditEntries('order', orderId)).toEqual([])
  })

  it('cancels nothing while Stripe cannot be reached, and says to try again', async () => {
    const { orderId, sessionId, product } = await stripeCheckout(4, 1)
    fake.failNext = 10
    try {
      expect(expectFailure(await cancel(orderId)).error).toBe('The payment provider could not be reached to check this order’s payment, so nothing was cancelled. Please try again in a moment.')
    } finally {
      fake.failNext = 0
    }
    expect((await orderRow(orderId)).status).toBe('pending')
    expect(await stockOf(product.id)).toBe(3)
    expect(fake.sessions.get(sessionId)?.status).toBe('open')

    expect(await outcomeOf(cancel(orderId))).toMatchObject({ kind: 'redirect' })
    expect(fake.sessions.get(sessionId)?.status).toBe('expired')
  })
})
