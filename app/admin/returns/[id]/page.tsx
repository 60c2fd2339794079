import type { Metadata } from 'next'
import { Link } from '@/components/ui/link'
import { notFound } from 'next/navigation'
import { CloseReturnForm, ReceiveReturnForm, RefundReturnForm, ReturnDecisionForm } from '@/components/admin/return-forms'
import { ReturnBadge } from '@/components/admin/return-badge'
import { DataTable, formatDateTime, PageHeader, Panel, tdClass } from '@/components/admin/ui'
import { positiveId } from '@/lib/admin/list-params'
import { requireAdmin } from '@/lib/auth/session'
import { formatMoney, toMajorUnitsString } from '@/lib/money'
import { getReturnDetail, returnableAmountCents } from '@/lib/returns/queries'
import { canTransitionReturn, returnReasonLabels, returnStatusLabels } from '@/lib/returns/status'

export const metadata: Metadata = { title: 'Return' }
export const instant = false

export default async function AdminReturnPage({ params }: PageProps<'/admin/returns/[id]'>) {
  const { id: rawId } = await params
  await requireAdmin(`/admin/returns/${encodeURIComponent(rawId)}`)
  const id = positiveId(rawId)
  if (id === null) notFound()
  const [ret, amounts] = await Promise.all([getReturnDetail(id), returnableAmountCents(id)])
  if (!ret || !amounts) notFound()
  const money = (cents: number) => formatMoney(cents, ret.currency)
  return (
    <div className="flex flex-col gap-6">
      <Link href="/admin/returns" className="text-sm font-medium text-brand-700 hover:underline">
        ← Returns
      </Link>
      <PageHeader title={`Return R-${ret.id}`}>
        <span data-testid="admin-return-status">
          <ReturnBadge status={ret.status} />
        </span>
      </PageHeader>
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <div className="flex flex-col gap-6">
          <Panel title="Request">
            <p className="text-sm">
              Order{' '}
              <Link href={`/admin/orders/${ret.orderId}`} className="text-brand-700 hover:underline">
                #{ret.orderId}
              </Link>{' '}
              · {ret.orderEmail} · requested {formatDateTime(ret.createdAt)}
            </p>
            <p className="text-sm">
              <span className="font-medium">Reason:</span> {returnReasonLabels[ret.reason]}
              {ret.note && <span className="text-zinc-700"> — “{ret.note}”</span>}
            </p>
            {ret.merchantMessage && (
              <p className="text-sm">
                <span className="font-medium">Your message:</span> {ret.merchantMessage}
              </p>
            )}
            <DataTable columns={['Item', 'Price', 'Returned', 'Bought', 'Restock']}>
              {ret.items.map((item) => (
                <tr key={item.id}>
                  <td className={tdClass}>
                    <Link href={`/admin/products/${item.productId}`} className="text-brand-700 hover:underline">
                      {item.name}
                    </Link>
                  </td>
                  <td className={`${tdClass} tabular-nums`}>{money(item.unitPriceCents)}</td>
                  <td className={`${tdClass} tabular-nums`}>{item.quantity}</td>
                  <td className={`${tdClass} tabular-nums`}>{item.bought}</td>
                  <td className={tdClass}>{item.restock === null ? '—' : item.restock ? 'Yes' : 'No'}</td>
                </tr>
              ))}
            </DataTable>
            <p className="text-sm">
              Value of the returned lines: <span className="font-semibold tabular-nums">{money(amounts.linesCents)}</span>
              {ret.refundCents !== null && <> · refunded {money(ret.refundCents)}</>}
            </p>
          </Panel>
          <Panel title="Timeline">
            <ol className="flex flex-col gap-2 text-sm">
              {ret.events.map((event) => (
                <li key={event.id}>
                  <span className="font-medium">{formatDateTime(event.createdAt)}</span> · {returnStatusLabels[event.toStatus]} ({event.actor})
                  {event.note && <span className="text-zinc-600"> — {event.note}</span>}
                </li>
              ))}
            </ol>
          </Panel>
        </div>
        <div className="flex flex-col gap-6">
          {canTransitionReturn(ret.status, 'approved') && (
            <Panel title="Decide">
              <ReturnDecisionForm returnId={ret.id} />
            </Panel>
          )}
          {canTransitionReturn(ret.status, 'received') && (
            <Panel title="Receive">
              <ReceiveReturnForm returnId={ret.id} items={ret.items} stockAlreadyBack={ret.orderStockReleased} />
            </Panel>
          )}
          {canTransitionReturn(ret.status, 'refunded') && (
            <Panel title="Refund">
              {amounts.maxCents > 0 ? (
                <RefundReturnForm returnId={ret.id} amount={toMajorUnitsString(amounts.maxCents)} max={money(amounts.maxCents)} />
              ) : (
                <p className="text-sm text-zinc-700">Nothing is left to refund on this order: close the return below.</p>
              )}
            </Panel>
          )}
          {canTransitionReturn(ret.status, 'closed') && (
            <Panel title="Close without refund">
              <CloseReturnForm returnId={ret.id} />
            </Panel>
          )}
        </div>
      </div>
    </div>
  )
}
