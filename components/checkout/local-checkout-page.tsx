import { Link } from '@/components/ui/link'
import { notFound, redirect } from 'next/navigation'
import { LocalCheckoutForm } from '@/components/checkout/local-checkout-form'
import { OrderTotals } from '@/components/orders/order-totals'
import { orderTotalsView } from '@/lib/pricing/totals-view'
import { listAddresses } from '@/lib/account/addresses'
import { getCurrentUser } from '@/lib/auth/session'
import { lineName } from '@/lib/catalog/variant-options'
import { getOrderByCheckoutSession, orderNumber } from '@/lib/orders/queries'
import { checkoutSessionIdSchema } from '@/lib/orders/validation'
import { demoTestCards } from '@/lib/payments/demo-cards'
import { closedCheckoutReason, expireLocalCheckout, type LocalProvider } from '@/lib/payments/local-checkout'
import { formatMoney } from '@/lib/money'
import { siteName } from '@/lib/site'

/**
 * A checkout page the shop runs itself, for an order of `provider`: the demo provider's stand-in
 * for Stripe Checkout, or the confirmation of an order with nothing to pay. Like a hosted
 * checkout, the session id in the URL is what grants access.
 */
export async function LocalCheckoutPage({ provider, sessionId: rawSessionId }: { provider: LocalProvider; sessionId: string }) {
  const sessionId = checkoutSessionIdSchema.safeParse(rawSessionId)
  if (!sessionId.success) notFound()
  const order = await getOrderByCheckoutSession(sessionId.data)
  if (!order || order.provider !== provider) notFound()
  if (order.paymentState === 'paid') redirect(`/checkout/success?session_id=${sessionId.data}`)
  const expired = order.status !== 'pending' || order.expiresAt <= new Date()
  if (expired && order.status === 'pending') await expireLocalCheckout(provider, sessionId.data)
  // The shopper who placed the order, signed in, ships to a saved address or saves a new one.
  const user = order.userId ? await getCurrentUser() : null
  const owner = user !== null && user.id === order.userId
  const savedAddresses = owner && user ? await listAddresses(user.id) : []
  const demo = provider === 'demo'

  return (
    <div className="min-h-dvh bg-zinc-100">
      {demo && (
        <p role="note" className="bg-amber-300 px-4 py-2 text-center text-sm font-semibold text-amber-950">
          Demo payments, no money moves. This page stands in for Stripe Checkout.
        </p>
      )}
      <main id="main" className="mx-auto grid max-w-5xl gap-8 px-4 py-8 lg:grid-cols-2">
        <section aria-labelledby="order-heading" className="flex flex-col gap-4">
          <Link href="/cart?checkout=cancelled" className="text-sm font-medium text-zinc-700 hover:underline">
            ← Cancel and return to {siteName}
          </Link>
          <h1 id="order-heading" className="text-2xl font-bold tracking-tight">
            {demo ? `Pay ${siteName}` : 'Confirm your order'}
          </h1>
          {demo ? (
            <p className="text-3xl font-semibold">{formatMoney(order.totalCents, order.currency)}</p>
          ) : (
            <p className="text-zinc-800">Your order comes to {formatMoney(0, order.currency)}, so there is nothing to pay. Tell us where to send it.</p>
          )}
          <ul className="flex flex-col gap-2 text-sm">
            {order.items.map((item) => (
              <li key={item.variantId} className="flex justify-between gap-4">
                <span>
                  {item.quantity} × {lineName(item.name, item.variantTitle)}
                </span>
                <span>{formatMoney(item.unitPriceCents * item.quantity - item.discountCents, order.currency)}</span>
              </li>
            ))}
          </ul>
          <OrderTotals totals={orderTotalsView(order)} testIdPrefix="pay" totalLabel={demo ? 'Total due' : 'Total'} />
          <p className="text-sm text-zinc-600">
            Order {orderNumber(order.id)}
            {!expired && (
              <>
                {' '}
                · the items are held for you until {order.expiresAt.toLocaleTimeString('en-US', { hour: 'numeric', minute: '2-digit', timeZone: 'UTC' })} UTC.
              </>
            )}
          </p>
          {demo && (
            <div className="rounded-xl border border-zinc-300 bg-white p-4 text-sm">
              <h2 className="mb-2 font-semibold">Test cards</h2>
              <ul className="flex flex-col gap-1">
                {demoTestCards.map((card) => (
                  <li key={card.number}>
                    <code className="font-mono">{card.number}</code> — {card.outcome}
                  </li>
                ))}
              </ul>
              <p className="mt-2 text-zinc-600">Any future expiry date and any 3 digits.</p>
            </div>
          )}
        </section>
        <section aria-label={demo ? 'Payment details' : 'Delivery details'} className="rounded-2xl bg-white p-6 shadow-sm">
          {expired ? (
            <div className="flex flex-col gap-4">
              <p role="alert" className="text-zinc-800">
                {closedCheckoutReason(order)}, so the items went back on sale. Nothing was charged.
              </p>
              <Link href="/cart" className="w-fit rounded-full bg-brand-700 px-5 py-2.5 text-sm font-semibold text-white hover:bg-brand-800">
                Return to your cart
              </Link>
            </div>
          ) : (
            <LocalCheckoutForm
              provider={provider}
              sessionId={sessionId.data}
              email={order.email}
              address={order.shippingAddress ?? (order.destinationCountry ? { country: order.destinationCountry, region: order.destinationRegion } : null)}
              savedAddresses={savedAddresses.map(({ id, fullName, line1, line2, city, region, postalCode, country, phone, isDefault }) => ({
                id,
                fullName,
                line1,
                line2,
                city,
                region,
                postalCode,
                country,
                phone,
                isDefault,
              }))}
              canSaveAddress={owner}
              payLabel={demo ? `Pay ${formatMoney(order.totalCents, order.currency)}` : 'Place order'}
            />
          )}
        </section>
      </main>
    </div>
  )
}
