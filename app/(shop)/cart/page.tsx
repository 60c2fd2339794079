import type { Metadata } from 'next'
import { Link } from '@/components/ui/link'
import { CartCountSync } from '@/components/cart/cart-count-store'
import { CartLineControls } from '@/components/cart/cart-line-controls'
import { CheckoutForm } from '@/components/cart/checkout-form'
import { DemoPaymentsNote } from '@/components/cart/demo-payments-note'
import { PromotionCodeForm } from '@/components/cart/promotion-code-form'
import { ShippingPicker } from '@/components/cart/shipping-picker'
import { OrderTotals } from '@/components/orders/order-totals'
import { Price } from '@/components/shop/price'
import { ProductImage } from '@/components/shop/product-image'
import { AlertMessage } from '@/components/ui/form'
import { getCurrentUser } from '@/lib/auth/session'
import { type CartLine, getCart } from '@/lib/cart/cart'
import { lineName } from '@/lib/catalog/variant-options'
import { idSchema } from '@/lib/bounds'
import { paymentsMode } from '@/lib/env'
import { taxLabel } from '@/lib/pricing/tax'
import { cartDestination } from '@/lib/shipping/destination'
import { shippableCountries } from '@/lib/shipping/queries'
import { formatMoney } from '@/lib/money'
import { pricingTotalsView } from '@/lib/pricing/totals-view'

export const metadata: Metadata = { title: 'Your cart', robots: { index: false, follow: false } }

// Personal and always current: rendered per request, in one piece, so its forms work without JavaScript.
export const instant = false

function IssueNote({ line }: { line: CartLine }) {
  const message = {
    inactive: 'No longer sold. Remove it to check out.',
    out_of_stock: 'Sold out. Remove it to check out.',
    insufficient_stock: `Only ${line.stock} left. Lower the quantity to check out.`,
    price_changed: `Price changed from ${formatMoney(line.seenPriceCents, line.currency)} to ${formatMoney(line.unitPriceCents, line.currency)}.`,
  } as const
  if (!line.issue) return null
  return <p className={`text-sm font-medium ${line.issue === 'price_changed' ? 'text-amber-800' : 'text-red-700'}`}>{message[line.issue]}</p>
}

export default async function CartPage({ searchParams }: PageProps<'/cart'>) {
  const [user, params, countries] = await Promise.all([getCurrentUser(), searchParams, shippableCountries()])
  // Where and how it ships: the cart's own GET form (in the URL), else the default address; the pipeline prices it.
  const destination = await cartDestination({ country: params.country, region: params.region }, user?.id ?? null)
  const pickedMethod = idSchema.safeParse(params.shipping)
  const cart = await getCart({ destination, shippingMethodId: pickedMethod.success ? pickedMethod.data : null })
  const { pricing, shipping } = cart
  const blocking = !shipping.ok || cart.lines.some((line) => line.issue !== null && line.issue !== 'price_changed')

  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-2xl font-bold tracking-tight">Your cart</h1>
      <CartCountSync count={cart.itemCount} />
      {params.checkout === 'cancelled' && <AlertMessage>Checkout was cancelled and nothing was charged. Your cart is just as you left it.</AlertMessage>}
      {cart.lines.length === 0 ? (
        <div className="rounded-xl border border-dashed border-zinc-300 p-10 text-center">
          <p className="text-zinc-700">Your cart is empty.</p>
          <Link href="/search" className="mt-4 inline-block rounded-full bg-brand-700 px-5 py-2.5 text-sm font-semibold text-white hover:bg-brand-800">
            Browse products
          </Link>
        </div>
      ) : (
        <div className="grid items-start gap-8 lg:grid-cols-[1fr_22rem]">
          <ul aria-label="Items in your cart" className="flex flex-col divide-y divide-zinc-200 rounded-xl border border-zinc-200">
            {cart.lines.map((line) => (
              <li key={line.variantId} className="flex gap-4 p-4">
                <div className="w-20 shrink-0 overflow-hidden rounded-lg sm:w-24">
                  <ProductImage src={line.imageUrl} alt="" sizes="96px" />
                </div>
                <div className="flex flex-1 flex-col gap-2">
                  <div className="flex flex-wrap justify-between gap-2">
                    <h2 className="font-medium">
                      <Link
                        href={line.variantTitle ? `/products/${line.slug}?variant=${encodeURIComponent(line.sku)}` : `/products/${line.slug}`}
                        className="hover:underline"
                      >
                        {line.name}
                      </Link>
                      {line.variantTitle && <span className="block text-sm font-normal text-zinc-700">{line.variantTitle}</span>}
                    </h2>
                    <Price amountCents={line.unitPriceCents * line.quantity} currency={line.currency} className="font-semibold" />
                  </div>
                  <p className="text-sm text-zinc-600">{formatMoney(line.unitPriceCents, line.currency)} each</p>
                  <IssueNote line={line} />
                  <CartLineControls variantId={line.variantId} productName={lineName(line.name, line.variantTitle)} quantity={line.quantity} max={line.stock} />
                </div>
              </li>
            ))}
          </ul>
          <section aria-labelledby="summary-heading" className="flex h-fit flex-col gap-4 rounded-xl border border-zinc-200 p-5">
            <h2 id="summary-heading" className="text-lg font-semibold">
              Order summary
            </h2>
            <ShippingPicker
              countries={countries}
              country={destination.country}
              region={destination.region}
              options={shipping.options.map((option) => ({
                methodId: option.methodId,
                name: option.name,
                priceCents: option.priceCents,
                estimate: option.estimate,
                free: option.freeOverCents !== null && pricing.subtotalCents - pricing.discountCents >= option.freeOverCents,
              }))}
              chosenMethodId={shipping.ok ? shipping.chosen.methodId : null}
              currency={cart.currency}
            />
            {!shipping.ok && <AlertMessage>{shipping.error}</AlertMessage>}
            <OrderTotals testIdPrefix="cart" totals={pricingTotalsView(pricing, cart.itemCount, taxLabel(shipping.taxRule))} />
            {shipping.taxRule.mode === 'stripe' && <p className="text-xs text-zinc-600">Tax is added on the payment page, for the address you give there.</p>}
            {pricing.notes.map((note) => (
              <p key={note} className="text-xs text-zinc-700">
                {note}
              </p>
            ))}
            {pricing.shippingCents > 0 && pricing.shipping.freeOverCents !== null && (
              <p className="text-xs text-zinc-600">
                {pricing.shipping.name} is free on orders from {formatMoney(pricing.shipping.freeOverCents, cart.currency)}.
              </p>
            )}
            {cart.promotionCode && pricing.codeRejection && (
              <p role="alert" className="text-sm font-medium text-red-700">
                {pricing.codeRejection.message}
              </p>
            )}
            <PromotionCodeForm appliedCode={cart.promotionCode} />
            {paymentsMode === 'disabled' ? (
              <p className="text-sm text-zinc-700">Checkout is not available yet: this shop has no payment provider configured.</p>
            ) : (
              <>
                {paymentsMode === 'demo' && <DemoPaymentsNote />}
                <CheckoutForm
                  accountEmail={user?.email ?? null}
                  disabled={blocking}
                  shipping={{ country: destination.country, region: destination.region, methodId: shipping.ok ? shipping.chosen.methodId : null }}
                />
              </>
            )}
          </section>
        </div>
      )}
    </div>
  )
}
