import type { Metadata } from 'next'
import { LocalCheckoutPage } from '@/components/checkout/local-checkout-page'

export const metadata: Metadata = { title: 'Demo checkout', robots: { index: false, follow: false } }

export const instant = false

/** The demo provider's hosted checkout page: looks like one, moves no money. */
export default async function DemoCheckoutPage({ params }: PageProps<'/checkout/demo/[sessionId]'>) {
  return <LocalCheckoutPage provider="demo" sessionId={(await params).sessionId} />
}
