import { formatOrderDate } from '@/components/orders/order-view'
import { formatMoney } from '@/lib/money'
import type { OrderReturnsView } from '@/lib/returns/queries'
import { formatReturnDeadline, returnReasonLabels, type ReturnStatus, returnStatusLabels } from '@/lib/returns/status'
import { ReturnRequestForm } from './return-request-form'

const tones: Record<ReturnStatus, string> = {
  requested: 'bg-amber-100 text-amber-900',
  approved: 'bg-sky-100 text-sky-900',
  rejected: 'bg-zinc-200 text-zinc-800',
  received: 'bg-emerald-100 text-emerald-900',
  refunded: 'bg-violet-100 text-violet-900',
  closed: 'bg-zinc-200 text-zinc-800',
}

export function ReturnStatusBadge({ status }: { status: ReturnStatus }) {
  return <span className={`inline-block rounded-full px-2.5 py-0.5 text-xs font-semibold ${tones[status]}`}>{returnStatusLabels[status]}</span>
}

/** The order page's returns: each return with its status and steps, and the form to start one while the window is open. */
export function OrderReturns({ orderId, view, accessKey }: { orderId: number; view: OrderReturnsView; accessKey?: string }) {
  const { returns, eligibility } = view
  // Undelivered (or cancelled) orders say nothing about returns; a delivered one whose window closed says when it did.
  const closed = !eligibility.ok && eligibility.deadline !== null ? eligibility.error : null
  if (returns.length === 0 && !eligibility.ok && !closed) return null
  return (
    <section aria-labelledby="returns-heading" className="flex flex-col gap-4 rounded-xl border border-zinc-200 p-4">
      <h2 id="returns-heading" className="font-semibold">
        Returns
      </h2>
      {returns.map((ret) => (
        <article key={ret.id} aria-label={`Return R-${ret.id}`} className="flex flex-col gap-2 border-b border-zinc-100 pb-3 text-sm last:border-b-0">
          <p className="flex flex-wrap items-center gap-2">
            <span className="font-medium">Return R-{ret.id}</span>
            <span data-testid="return-status">
              <ReturnStatusBadge status={ret.status} />
            </span>
            <span className="text-zinc-600">{returnReasonLabels[ret.reason]}</span>
          </p>
          <ul className="list-disc pl-5">
            {ret.items.map((item) => (
              <li key={item.id}>
                {item.quantity} × {item.name}
              </li>
            ))}
          </ul>
          {ret.merchantMessage && <p className="text-zinc-700">Our note: {ret.merchantMessage}</p>}
          {ret.refundCents !== null && <p className="text-violet-800">Refunded {formatMoney(ret.refundCents, ret.currency)}</p>}
          <ol className="flex flex-col gap-1 border-l-2 border-zinc-200 pl-3 text-zinc-600">
            {ret.events.map((event) => (
              <li key={event.id}>
                {returnStatusLabels[event.toStatus]} · {formatOrderDate(event.createdAt)}
              </li>
            ))}
          </ol>
        </article>
      ))}
      {closed && <p className="text-sm text-zinc-700">{closed}</p>}
      {eligibility.ok && (
        <details className="rounded-xl bg-zinc-50 p-3">
          <summary className="cursor-pointer text-sm font-semibold text-brand-700">Return items</summary>
          <div className="pt-3">
            <ReturnRequestForm
              orderId={orderId}
              accessKey={accessKey}
              deadline={formatReturnDeadline(eligibility.deadline)}
              lines={eligibility.lines
                .filter((line) => line.returnable > 0)
                .map(({ orderItemId, name, bought, returnable }) => ({ orderItemId, name, bought, returnable }))}
            />
          </div>
        </details>
      )}
    </section>
  )
}
