import { type OrderStatus, orderStatusLabels } from '@/lib/orders/status'

const tones: Record<OrderStatus, string> = {
  pending: 'bg-amber-100 text-amber-900',
  paid: 'bg-emerald-100 text-emerald-900',
  shipped: 'bg-sky-100 text-sky-900',
  delivered: 'bg-emerald-100 text-emerald-900',
  cancelled: 'bg-zinc-200 text-zinc-800',
  partially_refunded: 'bg-violet-100 text-violet-900',
  refunded: 'bg-violet-100 text-violet-900',
}

export function OrderStatusBadge({ status }: { status: OrderStatus }) {
  return <span className={`inline-block rounded-full px-2.5 py-0.5 text-xs font-semibold ${tones[status]}`}>{orderStatusLabels[status]}</span>
}
