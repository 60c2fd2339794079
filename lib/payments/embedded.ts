import 'server-only'
import { checkoutUi, stripePublishableKey } from '@/lib/env'
import { getOrderByCheckoutSession } from '@/lib/orders/queries'
import { stripeProvider } from './stripe-provider'

export type EmbeddedCheckoutState =
  | { kind: 'not-found' }
  | { kind: 'done'; sessionId: string }
  | { kind: 'open'; publishableKey: string; clientSecret: string; order: NonNullable<Awaited<ReturnType<typeof getOrderByCheckoutSession>>> }

/**
 * What /checkout shows for a session: the Embedded Checkout form while it is open, else the way
 * to the order (paid, expired or cancelled). Like Stripe's own URL, the session id grants access.
 */
export async function embeddedCheckoutState(sessionId: string): Promise<EmbeddedCheckoutState> {
  if (checkoutUi !== 'embedded' || !stripePublishableKey) return { kind: 'not-found' }
  const order = await getOrderByCheckoutSession(sessionId)
  if (!order || order.provider !== 'stripe') return { kind: 'not-found' }
  if (order.status !== 'pending' || order.paymentState !== 'unpaid') return { kind: 'done', sessionId }
  const clientSecret = await stripeProvider.embeddedClientSecret?.(sessionId)
  if (!clientSecret) return { kind: 'done', sessionId }
  return { kind: 'open', publishableKey: stripePublishableKey, clientSecret, order }
}
