import 'server-only'
import { paymentsMode } from '@/lib/env'
import { demoProvider } from './demo'
import { stripeProvider } from './stripe-provider'
import type { PaymentProvider } from './types'

/** The provider new checkouts use, or null when payments are switched off (production without keys). */
export function checkoutProvider(): PaymentProvider | null {
  if (paymentsMode === 'stripe') return stripeProvider
  if (paymentsMode === 'demo') return demoProvider
  return null
}

/** The provider an existing order was paid with (refunds, expiry), whatever new checkouts use. */
export function providerFor(name: 'stripe' | 'demo'): PaymentProvider {
  return name === 'stripe' ? stripeProvider : demoProvider
}
