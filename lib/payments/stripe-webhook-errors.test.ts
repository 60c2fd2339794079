/**
 * The Stripe webhook's failure answers: 503 while Stripe is not configured (so Stripe keeps
 * retrying until it is, never a silent 200), and 500 when applying the event fails (so Stripe
 * redelivers it). The event handler is replaced by one that fails, to reach the 500 path.
 */
import { NextRequest } from 'next/server'
import Stripe from 'stripe'
import { afterEach, describe, expect, it, vi } from 'vitest'

const handleStripeEvent = vi.hoisted(() => vi.fn())
vi.mock('@/lib/payments/events', () => ({ handleStripeEvent }))

const SECRET = 'whsec_test_errors_secret'
const event = { id: 'evt_errors_1', object: 'event', type: 'checkout.session.expired', created: 1, data: { object: { id: 'cs_errors_1', object: 'checkout.session', metadata: { order_id: '1' } } } }

async function postWith(env: Record<string, string | undefined>) {
  for (const [name, value] of Object.entries(env)) {
    if (value === undefined) delete process.env[name]
    else process.env[name] = value
  }
  vi.resetModules()
  const { POST } = await import('@/app/api/webhooks/stripe/route')
  const payload = JSON.stringify(event)
  const signature = Stripe.webhooks.generateTestHeaderString({ payload, secret: SECRET })
  return POST(new NextRequest('http://localhost:3000/api/webhooks/stripe', { method: 'POST', body: payload, headers: { 'stripe-signature': signature } }))
}

afterEach(() => {
  delete process.env.STRIPE_SECRET_KEY
  delete process.env.STRIPE_WEBHOOK_SECRET
  handleStripeEvent.mockReset()
})

describe('the Stripe webhook when it cannot do its work', () => {
  it('answers 503 while Stripe is not configured, without touching the event', async () => {
    const response = await postWith({ STRIPE_SECRET_KEY: undefined, STRIPE_WEBHOOK_SECRET: undefined })
    expect(response.status).toBe(503)
    expect(await response.json()).toEqual({ error: 'Stripe webhooks are not configured on this server.' })
    expect(handleStripeEvent).not.toHaveBeenCalled()
  })

  it('answers 500 when the event cannot be applied, so Stripe redelivers it', async () => {
    handleStripeEvent.mockRejectedValue(new Error('database unavailable'))
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {})
    const response = await postWith({ STRIPE_SECRET_KEY: 'sk_test_errors', STRIPE_WEBHOOK_SECRET: SECRET })
    expect(response.status).toBe(500)
    expect(await response.json()).toEqual({ error: 'The event could not be processed; it will be retried.' })
    expect(handleStripeEvent).toHaveBeenCalledWith(expect.objectContaining({ id: 'evt_errors_1', type: 'checkout.session.expired' }), 'stripe')
    expect(errors).toHaveBeenCalledWith('Stripe webhook failed', expect.objectContaining({ id: 'evt_errors_1' }))
    errors.mockRestore()
  })

  it('answers 200 with the outcome when the event is applied', async () => {
    handleStripeEvent.mockResolvedValue('processed')
    const response = await postWith({ STRIPE_SECRET_KEY: 'sk_test_errors', STRIPE_WEBHOOK_SECRET: SECRET })
    expect(response.status).toBe(200)
    expect(await response.json()).toEqual({ received: true, outcome: 'processed' })
  })
})
