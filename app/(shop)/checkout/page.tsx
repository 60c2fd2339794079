import type { Metadata } from 'next'
import { Link } from '@/components/ui/link'
import { notFound, redirect } from 'next/navigation'
import { EmbeddedCheckout } from '@/components/checkout/embedded-checkout'
import { formatMoney } from '@/lib/money'
import { orderNumber } from '@/lib/orders/queries'
import { checkoutSessionIdSchema } from '@/lib/orders/validation'
import { embeddedCheckoutState } from '@/lib/payments/embedded'

export const metadata: Metadata = { title: 'Checkout', robots: { index: false, follow: false } }

export const instant = false

/** Stripe's Embedded Checkout on our own page (STRIPE_CHECKOUT_UI=embedded); Stripe returns to /checkout/success. */
export default async function CheckoutPage({ searchParams }: PageProps<'/checkout'>) {
  const sessionId = checkoutSessionIdSchema.safeParse((await searchParams).session_id)
  if (!sessionId.success) notFound()
  const state = await embeddedCheckoutState(sessionId.data)
  if (state.kind === 'not-found') notFound()
  if (state.kind === 'done') redirect(`/checkout/success?session_id=${state.sessionId}`)
  const { order } = state
  return (
    <div className="mx-auto flex max-w-3xl flex-col gap-6">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-2xl font-bold tracking-tight">Pay for order {orderNumber(order.id)}</h1>
        <Link href="/cart" className="text-sm font-medium text-brand-700 hover:underline">
          Back to your cart
        </Link>
      </div>
      <p className="text-sm text-zinc-700">
        {order.taxMode === 'stripe' ? 'Before tax, which is added for your address below: ' : 'Total: '}
        <span className="font-semibold">{formatMoney(order.totalCents, order.currency)}</span>
        {order.shippingMethodName ? `, shipping ${order.shippingMethodName} included` : ''}.
      </p>
      <EmbeddedCheckout publishableKey={state.publishableKey} clientSecret={state.clientSecret} />
    </div>
  )
}
