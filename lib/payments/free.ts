import 'server-only'
import { expireLocalCheckout, localCheckoutPath, localId, localSessionState } from './local-checkout'
import type { PaymentProvider } from './types'

/**
 * Orders that come to nothing (a 100 % code with free shipping, free samples) need no payment,
 * and Stripe would refuse to charge them. Whatever provider the shop uses, checkout sends them to
 * /checkout/free/[sessionId], where the shopper gives the shipping address and confirms; the order
 * is then paid through the same events and state machine as any other.
 */
export const freeProvider: PaymentProvider = {
  name: 'free',

  minimumChargeCents: () => null,

  async createCheckoutSession() {
    const id = localId('cs', 'free')
    return { id, url: localCheckoutPath('free', id), providerCustomerId: null }
  },

  retrieveCheckoutSession: (sessionId) => localSessionState('free', sessionId),

  expireCheckoutSession: (sessionId) => expireLocalCheckout('free', sessionId),

  async createRefund() {
    // refundOrder refuses first: nothing was paid, so the refundable amount is zero.
    throw new Error('an order with nothing paid cannot be refunded')
  },
}
