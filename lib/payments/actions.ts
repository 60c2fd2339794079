'use server'

import { after } from 'next/server'
import { redirect } from 'next/navigation'
import { type ActionState, failure, formObject, invalid } from '@/lib/action-state'
import { addressFields } from '@/lib/account/validation'
import { runDueJobs } from '@/lib/jobs/runner'
import { getOrderByCheckoutSession } from '@/lib/orders/queries'
import { demoPaymentSchema } from '@/lib/orders/validation'
import { completeDemoCheckout, expireDemoCheckout } from './demo'
import { demoCardOutcome } from './demo-cards'

const shippingFields = addressFields.filter((field) => field !== 'isDefault')

/**
 * The demo checkout page's "Pay" button. Like a hosted checkout, the session id in the URL is
 * what grants access; the outcome reaches the order only through Stripe-shaped events.
 */
export async function payDemoCheckoutAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const parsed = demoPaymentSchema.safeParse(formObject(formData, ['sessionId', 'email', 'cardNumber', 'expiry', 'cvc', ...shippingFields]))
  if (!parsed.success) return invalid(parsed.error, formData)
  const { sessionId, email, cardNumber, expiry: _expiry, cvc: _cvc, ...shipping } = parsed.data
  const order = await getOrderByCheckoutSession(sessionId)
  if (!order || order.provider !== 'demo') return failure('This checkout session does not exist. Return to your cart to start again.')
  if (order.paymentState === 'paid') redirect(`/checkout/success?session_id=${sessionId}`)
  if (order.status !== 'pending' || order.expiresAt <= new Date()) {
    if (order.status === 'pending') await expireDemoCheckout(sessionId)
    return failure('This checkout has expired, so the items went back on sale. Return to your cart to start again.')
  }
  const outcome = demoCardOutcome(cardNumber)
  if (!outcome.ok) return failure(outcome.error, formData)
  await completeDemoCheckout(sessionId, { email, shipping })
  after(() => runDueJobs().catch((error) => console.error('jobs after demo payment failed', error)))
  redirect(`/checkout/success?session_id=${sessionId}`)
}
