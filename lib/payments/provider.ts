import 'server-only'
import { paymentsMode } from '@/lib/env'
import { demoProvider } from './demo'
import { freeProvider } from './free'
import { stripeProvider } from './stripe-provider'
import type { PaymentProvider, PaymentProviderName } from './types'

/** The provider new checkouts use, or null when payments are switched off (production without keys). */
export function checkoutProvider(): PaymentProvider | null {
  if (paymentsMode === 'stripe') return stripeProvider
  if (paymentsMode === 'demo') return demoProvider
  return null
}

/** The provider an existing order was paid with (refunds, expiry), whatever new checkouts use. */
export function providerFor(name: PaymentProviderName): PaymentProvider {
  return name === 'stripe' ? stripeProvider : name === 'free' ? freeProvider : demoProvider
}
