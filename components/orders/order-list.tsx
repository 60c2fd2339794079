import { Link } from '@/components/ui/link'
import { formatMoney } from '@/lib/money'
import { type OrderSummary, orderNumber } from '@/lib/orders/queries'
import { OrderStatusBadge } from './order-status-badge'
import { formatOrderDate } from './order-view'
import { pluralize } from '@/lib/plural'

export function OrderList({ orders }: { orders: OrderSummary[] }) {
  return (
    <ul className="flex flex-col divide-y divide-zinc-200 rounded-xl border border-zinc-200">
      {orders.map((order) => (
        <li key={order.id} className="flex flex-wrap items-center justify-between gap-3 p-4 text-sm">
          <div className="flex flex-col gap-1">
            <Link href={`/account/orders/${order.id}`} className="font-semibold text-brand-700 hover:underline">
              Order {orderNumber(order.id)}
            </Link>
            <span className="text-zinc-600">
              {formatOrderDate(order.createdAt)} · {pluralize(order.itemCount, 'item')}
            </span>
          </div>
          <div className="flex items-center gap-3">
            <OrderStatusBadge status={order.status} />
            <span className="font-medium">{formatMoney(order.totalCents, order.currency)}</span>
          </div>
        </li>
      ))}
    </ul>
  )
}
