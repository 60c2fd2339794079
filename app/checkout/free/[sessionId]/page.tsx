import type { Metadata } from 'next'
import { LocalCheckoutPage } from '@/components/checkout/local-checkout-page'

export const metadata: Metadata = { title: 'Confirm your order', robots: { index: false, follow: false } }

export const instant = false

/** An order that comes to nothing: the shopper gives the address and places it, with no payment page. */
export default async function FreeCheckoutPage({ params }: PageProps<'/checkout/free/[sessionId]'>) {
  return <LocalCheckoutPage provider="free" sessionId={(await params).sessionId} />
}
