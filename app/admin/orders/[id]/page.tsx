import type { Metadata } from 'next'
import { Link } from '@/components/ui/link'
import { lineName } from '@/lib/catalog/variant-options'
import { Fragment } from 'react'
import { notFound } from 'next/navigation'
import { CorrectAddressForm, RefundForm, ShipOrderForm, TransitionButton } from '@/components/admin/order-forms'
import { Badge, DataTable, formatDateTime, PageHeader, Panel, tdClass } from '@/components/admin/ui'
import { StatusMessage } from '@/components/ui/form'
import { positiveId } from '@/lib/admin/list-params'
import { orderStepDoneMessage } from '@/lib/admin/orders/done'
import { requireAdmin } from '@/lib/auth/session'
import { formatMoney } from '@/lib/money'
import { orderTotalsView } from '@/lib/pricing/totals-view'
import { getOrderDetail, refundableCents } from '@/lib/orders/queries'
import { canTransition, isPaid, orderStatusLabels } from '@/lib/orders/status'
import { AddressLines } from '@/components/account/address-lines'
import { ReturnBadge } from '@/components/admin/return-badge'
import { listReturnsForOrder } from '@/lib/returns/queries'

export const metadata: Metadata = { title: 'Order' }
export const instant = false

export default async function AdminOrderPage({ params, searchParams }: PageProps<'/admin/orders/[id]'>) {
  const [{ id: rawId }, query] = await Promise.all([params, searchParams])
  await requireAdmin(`/admin/orders/${encodeURIComponent(rawId)}`)
  const id = positiveId(rawId)
  if (id === null) notFound()
  const [order, amounts, orderReturns] = await Promise.all([getOrderDetail(id), refundableCents(id), listReturnsForOrder(id)])
  if (!order) notFound()
  const money = (cents: number) => formatMoney(cents, order.currency)
  const refundable = amounts?.refundableCents ?? 0
  const canRefund = refundable > 0 && !!order.paymentIntentId
  const address = order.shippingAddress
  const done = orderStepDoneMessage(query.done)
  return (
    <div className="flex flex-col gap-6">
      <Link href="/admin/orders" className="text-sm font-medium text-brand-700 hover:underline">
        ← Orders
      </Link>
      <PageHeader title={`Order #${order.id}`}>
        <Badge tone="blue">{orderStatusLabels[order.status]}</Badge>
      </PageHeader>
      {done && <StatusMessage>{done}</StatusMessage>}
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <div className="flex flex-col gap-6">
          <Panel title="Items">
            <DataTable columns={['Product', 'Price', 'Qty', 'Discount', 'Line total']}>
              {order.items.map((item) => (
                <tr key={`${item.variantId}-${item.name}`}>
                  <td className={tdClass}>
                    <Link href={`/admin/products/${item.productId}`} className="text-brand-700 hover:underline">
                      {lineName(item.name, item.variantTitle)}
                    </Link>
                    {item.sku && <span className="block text-xs text-zinc-600">SKU {item.sku}</span>}
                  </td>
                  <td className={`${tdClass} tabular-nums`}>{money(item.unitPriceCents)}</td>
                  <td className={`${tdClass} tabular-nums`}>{item.quantity}</td>
                  <td className={`${tdClass} tabular-nums`}>{item.discountCents > 0 ? `−${money(item.discountCents)}` : '—'}</td>
                  <td className={`${tdClass} tabular-nums`}>{money(item.unitPriceCents * item.quantity - item.discountCents)}</td>
                </tr>
              ))}
            </DataTable>
            <dl className="grid max-w-sm grid-cols-2 gap-1 text-sm">
              <dt>Subtotal</dt>
              <dd className="text-right tabular-nums">{money(order.subtotalCents)}</dd>
              {orderTotalsView(order).discounts.map((discount) => (
                <Fragment key={discount.label}>
                  <dt>{discount.label}</dt>
                  <dd className="text-right tabular-nums">−{money(discount.cents)}</dd>
                </Fragment>
              ))}
              <dt>Shipping{order.shippingMethodName ? ` (${order.shippingMethodName})` : ''}</dt>
              <dd className="text-right tabular-nums">{money(order.shippingCents)}</dd>
              {order.taxCents > 0 && (
                <>
                  <dt>{order.pricesIncludeTax ? 'Tax (included)' : 'Tax'}</dt>
                  <dd className="text-right tabular-nums">{money(order.taxCents)}</dd>
                </>
              )}
              <dt className="font-semibold">Total</dt>
              <dd className="text-right font-semibold tabular-nums">{money(order.totalCents)}</dd>
              {order.refundedCents > 0 && (
                <>
                  <dt>Refunded</dt>
                  <dd className="text-right tabular-nums">−{money(order.refundedCents)}</dd>
                </>
              )}
            </dl>
          </Panel>
          <Panel title="Timeline">
            <ol className="flex flex-col gap-2 text-sm">
              <li>
                <span className="font-medium">{formatDateTime(order.createdAt)}</span> · Order placed
              </li>
              {order.events.map((event) => (
                <li key={event.id}>
                  <span className="font-medium">{formatDateTime(event.createdAt)}</span> · {orderStatusLabels[event.toStatus]} ({event.actor})
                  {event.note && <span className="text-zinc-600"> — {event.note}</span>}
                </li>
              ))}
            </ol>
          </Panel>
          {orderReturns.length > 0 && (
            <Panel title="Returns">
              <ul className="flex flex-col gap-2 text-sm">
                {orderReturns.map((ret) => (
                  <li key={ret.id} className="flex flex-wrap items-center gap-2">
                    <Link href={`/admin/returns/${ret.id}`} className="font-medium text-brand-700 hover:underline">
                      R-{ret.id}
                    </Link>
                    <ReturnBadge status={ret.status} />
                    <span className="text-zinc-700">{ret.items.map((item) => `${item.quantity} × ${item.name}`).join(', ')}</span>
                  </li>
                ))}
              </ul>
            </Panel>
          )}
          <Panel title="Payments and refunds">
            <p className="text-sm">
              {order.provider === 'free' ? 'Nothing to pay (the order came to zero)' : `Paid with ${order.provider === 'demo' ? 'demo payments' : 'Stripe'}`}
              {order.paidAt ? ` on ${formatDateTime(order.paidAt)}` : order.provider === 'free' ? ' — not confirmed yet' : ' — not paid yet'}. Payment:{' '}
              {order.paymentState}.
            </p>
            {order.refunds.length > 0 && (
              <ul className="flex flex-col gap-1 text-sm">
                {order.refunds.map((refund) => (
                  <li key={refund.id}>
                    {formatDateTime(refund.createdAt)} · {money(refund.amountCents)} · {refund.status}
                    {refund.restock && ' · restock on full refund'}
                    {refund.reason && <span className="text-zinc-600"> — {refund.reason}</span>}
                  </li>
                ))}
              </ul>
            )}
          </Panel>
        </div>
        <div className="flex flex-col gap-6">
          <Panel title="Customer">
            <p className="text-sm">
              {order.userId ? (
                <Link href={`/admin/customers/${order.userId}`} className="text-brand-700 hover:underline">
                  {order.email}
                </Link>
              ) : (
                <>{order.email} (guest)</>
              )}
            </p>
            {address ? <AddressLines address={address} className="text-sm not-italic" /> : <p className="text-sm text-zinc-700">No shipping address.</p>}
            {order.customerNote && (
              <div className="rounded-lg bg-amber-50 p-3 text-sm">
                <p className="font-medium">Note from the customer</p>
                <p className="whitespace-pre-line text-zinc-800">{order.customerNote}</p>
              </div>
            )}
            {order.trackingNumber && (
              <p className="text-sm">
                Shipped with {order.shippingCarrier}, tracking number <span className="font-mono">{order.trackingNumber}</span>
              </p>
            )}
            {order.status === 'paid' && <CorrectAddressForm orderId={order.id} address={address} />}
            {isPaid(order.status) && <TransitionButton orderId={order.id} kind="resend" />}
          </Panel>
          {canTransition(order.status, 'shipped') && (
            <Panel title="Ship">
              <ShipOrderForm orderId={order.id} />
            </Panel>
          )}
          {canTransition(order.status, 'delivered') && (
            <Panel title="Delivery">
              <TransitionButton orderId={order.id} kind="deliver" />
            </Panel>
          )}
          {order.status === 'pending' && (
            <Panel title="Cancel">
              <p className="text-sm text-zinc-700">Unpaid: cancelling puts the reserved stock back on sale.</p>
              <TransitionButton orderId={order.id} kind="cancel" />
            </Panel>
          )}
          {canRefund && (
            <Panel title="Refund">
              <RefundForm orderId={order.id} refundable={money(refundable)} currency={order.currency} restockable={order.status !== 'cancelled'} />
            </Panel>
          )}
        </div>
      </div>
    </div>
  )
}
