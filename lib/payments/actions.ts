'use server'

import { after } from 'next/server'
import { redirect } from 'next/navigation'
import { failure } from '@/lib/action-state'
import { addressFields } from '@/lib/account/validation'
import { formAction } from '@/lib/define-action'
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
export const payDemoCheckoutAction = formAction(
  { name: 'demo-payment.pay', access: 'public', schema: demoPaymentSchema, input: ['sessionId', 'email', 'cardNumber', 'expiry', 'cvc', ...shippingFields] },
  async ({ sessionId, email, cardNumber, expiry: _expiry, cvc: _cvc, ...shipping }, { formData }) => {
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
  },
)
