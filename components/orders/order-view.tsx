import { Link } from '@/components/ui/link'
import { lineName } from '@/lib/catalog/variant-options'
import { formatMoney } from '@/lib/money'
import { type OrderDetail, orderNumber } from '@/lib/orders/queries'
import { orderStatusLabels } from '@/lib/orders/status'
import { orderTotalsView } from '@/lib/pricing/totals-view'
import { OrderStatusBadge } from './order-status-badge'
import { OrderTotals } from './order-totals'
import { AddressLines } from '@/components/account/address-lines'

const paymentLabels = { unpaid: 'Not paid', processing: 'Processing', paid: 'Paid', failed: 'Failed' } as const
const dateTime = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' })

export function formatOrderDate(date: Date) {
  return `${dateTime.format(date)} UTC`
}

/** An order as its shopper sees it: status, items, totals, address, payment, refunds and timeline. */
export function OrderView({ order, headingLevel = 1 }: { order: OrderDetail; headingLevel?: 1 | 2 }) {
  const Heading = headingLevel === 1 ? 'h1' : 'h2'
  const money = (cents: number) => formatMoney(cents, order.currency)
  return (
    <article className="flex flex-col gap-6">
      <header className="flex flex-wrap items-center gap-3">
        <Heading className="text-2xl font-bold tracking-tight">Order {orderNumber(order.id)}</Heading>
        <span data-testid="order-status">
          <OrderStatusBadge status={order.status} />
        </span>
        <p className="w-full text-sm text-zinc-600">Placed {formatOrderDate(order.createdAt)}</p>
      </header>

      {order.status === 'shipped' && (order.trackingNumber || order.shippingCarrier) && (
        <p className="rounded-xl border border-sky-200 bg-sky-50 px-4 py-3 text-sm text-sky-900">
          Shipped with {order.shippingCarrier || 'our carrier'}
          {order.trackingNumber ? (
            <>
              , tracking number <span className="font-mono font-semibold">{order.trackingNumber}</span>
            </>
          ) : null}
          .
        </p>
      )}

      <section aria-labelledby="items-heading" className="rounded-xl border border-zinc-200">
        <h2 id="items-heading" className="border-b border-zinc-200 px-4 py-3 font-semibold">
          Items
        </h2>
        <ul className="divide-y divide-zinc-200">
          {order.items.map((item) => (
            <li key={item.variantId} className="flex justify-between gap-4 px-4 py-3 text-sm">
              <span>
                {item.quantity} ×{' '}
                <Link href={`/products/${item.productSlug}`} className="font-medium hover:underline">
                  {lineName(item.name, item.variantTitle)}
                </Link>{' '}
                <span className="text-zinc-600">at {money(item.unitPriceCents)}</span>
              </span>
              <span className="text-right">
                {item.discountCents > 0 && <s className="mr-2 text-zinc-500">{money(item.unitPriceCents * item.quantity)}</s>}
                <span className="font-medium">{money(item.unitPriceCents * item.quantity - item.discountCents)}</span>
              </span>
            </li>
          ))}
        </ul>
        <div className="flex flex-col gap-1 border-t border-zinc-200 px-4 py-3 text-sm">
          <OrderTotals totals={orderTotalsView(order)} testIdPrefix="order" />
          {order.refundedCents > 0 && (
            <dl className="flex justify-between text-violet-800">
              <dt>Refunded</dt>
              <dd>−{money(order.refundedCents)}</dd>
            </dl>
          )}
        </div>
      </section>

      <div className="grid gap-4 sm:grid-cols-2">
        <section aria-labelledby="payment-heading" className="rounded-xl border border-zinc-200 p-4 text-sm">
          <h2 id="payment-heading" className="mb-2 font-semibold">
            Payment
          </h2>
          {order.provider === 'free' ? (
            <p>Nothing to pay: the order came to {money(0)}.</p>
          ) : (
            <p>
              {paymentLabels[order.paymentState]}
              {order.provider === 'demo' ? ' (demo payment, no money moved)' : ' by card through Stripe'}
            </p>
          )}
          {order.paidAt && (
            <p className="text-zinc-600">
              {order.provider === 'free' ? 'Confirmed' : 'Paid'} {formatOrderDate(order.paidAt)}
            </p>
          )}
          {order.refunds.length > 0 && (
            <ul className="mt-2 flex flex-col gap-1">
              {order.refunds.map((refund) => (
                <li key={refund.id}>
                  Refund of {money(refund.amountCents)}: {refund.status}
                </li>
              ))}
            </ul>
          )}
        </section>
        <section aria-labelledby="address-heading" className="rounded-xl border border-zinc-200 p-4 text-sm">
          <h2 id="address-heading" className="mb-2 font-semibold">
            Shipping address
          </h2>
          {order.shippingAddress ? (
            <AddressLines address={order.shippingAddress} phone={false} className="not-italic" />
          ) : (
            <p className="text-zinc-600">Given at payment.</p>
          )}
        </section>
        {order.customerNote && (
          <section aria-labelledby="note-heading" className="rounded-xl border border-zinc-200 p-4 text-sm sm:col-span-2">
            <h2 id="note-heading" className="mb-2 font-semibold">
              Your note
            </h2>
            <p className="whitespace-pre-line text-zinc-800">{order.customerNote}</p>
          </section>
        )}
      </div>

      <section aria-labelledby="timeline-heading">
        <h2 id="timeline-heading" className="mb-3 font-semibold">
          Timeline
        </h2>
        <ol className="flex flex-col gap-3 border-l-2 border-zinc-200 pl-4">
          {order.events.map((event) => (
            <li key={event.id} className="text-sm">
              <p className="font-medium">{orderStatusLabels[event.toStatus]}</p>
              <p className="text-zinc-600">
                {formatOrderDate(event.createdAt)}
                {event.note ? ` — ${event.note}` : ''}
              </p>
            </li>
          ))}
        </ol>
      </section>
    </article>
  )
}
