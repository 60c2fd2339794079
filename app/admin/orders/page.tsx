import type { Metadata } from 'next'
import { Link } from '@/components/ui/link'
import { Badge, ButtonLink, DataTable, EmptyState, filterControlClass, formatDateTime, PageHeader, tdClass } from '@/components/admin/ui'
import { Pagination } from '@/components/shop/pagination'
import { hrefWith } from '@/lib/admin/list-params'
import { listAdminOrders, parseOrderListParams } from '@/lib/admin/orders/queries'
import { requireAdmin } from '@/lib/auth/session'
import { formatMoney } from '@/lib/money'
import { orderStatusLabels } from '@/lib/orders/status'

export const metadata: Metadata = { title: 'Orders' }
export const instant = false

export default async function AdminOrdersPage({ searchParams }: PageProps<'/admin/orders'>) {
  await requireAdmin('/admin/orders')
  const params = parseOrderListParams(await searchParams)
  const query = { q: params.q, status: params.status === 'all' ? '' : params.status, from: params.from, to: params.to }
  const { rows, total, pageCount } = await listAdminOrders(params)
  const exportHref = hrefWith('/admin/export/orders', {}, { from: params.from, to: params.to })
  return (
    <div className="flex flex-col gap-6">
      <PageHeader title="Orders">
        <ButtonLink href={exportHref} download>
          Export CSV{params.from || params.to ? ' (these dates)' : ' (last 30 days)'}
        </ButtonLink>
      </PageHeader>
      <form method="get" action="/admin/orders" role="search" aria-label="Filter orders" className="flex flex-wrap items-end gap-3">
        <label className="flex flex-col gap-1 text-sm font-medium">
          Search
          <input type="search" name="q" defaultValue={params.q} placeholder="Order number or email" className={filterControlClass} />
        </label>
        <label className="flex flex-col gap-1 text-sm font-medium">
          Status
          <select name="status" defaultValue={params.status} className={filterControlClass}>
            <option value="all">Any status</option>
            {Object.entries(orderStatusLabels).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col gap-1 text-sm font-medium">
          From
          <input type="date" name="from" defaultValue={params.from} className={filterControlClass} />
        </label>
        <label className="flex flex-col gap-1 text-sm font-medium">
          To
          <input type="date" name="to" defaultValue={params.to} className={filterControlClass} />
        </label>
        <button type="submit" className="rounded-full bg-zinc-900 px-4 py-2 text-sm font-semibold text-white hover:bg-zinc-700">
          Filter
        </button>
        <Link href="/admin/orders" className="px-2 py-2 text-sm font-medium text-zinc-700 underline">
          Clear
        </Link>
      </form>
      <p className="text-sm text-zinc-700">{total.toLocaleString('en-US')} orders</p>
      {rows.length === 0 ? (
        <EmptyState>No orders match.</EmptyState>
      ) : (
        <DataTable columns={['Order', 'Placed', 'Customer', 'Items', 'Total', 'Status']}>
          {rows.map((order) => (
            <tr key={order.id}>
              <td className={tdClass}>
                <Link href={`/admin/orders/${order.id}`} className="font-medium text-brand-700 hover:underline">
                  #{order.id}
                </Link>
              </td>
              <td className={`${tdClass} whitespace-nowrap`}>{formatDateTime(order.createdAt)}</td>
              <td className={tdClass}>{order.email}</td>
              <td className={`${tdClass} tabular-nums`}>{order.itemCount}</td>
              <td className={`${tdClass} tabular-nums`}>
                {formatMoney(order.totalCents, order.currency)}
                {order.refundedCents > 0 && <div className="text-xs text-zinc-600">−{formatMoney(order.refundedCents, order.currency)} refunded</div>}
              </td>
              <td className={tdClass}>
                <Badge
                  tone={
                    order.status === 'paid'
                      ? 'amber'
                      : order.status === 'cancelled' || order.status === 'refunded'
                        ? 'grey'
                        : order.status === 'pending'
                          ? 'blue'
                          : 'green'
                  }
                >
                  {orderStatusLabels[order.status]}
                </Badge>
              </td>
            </tr>
          ))}
        </DataTable>
      )}
      <Pagination page={params.page} pageCount={pageCount} hrefFor={(page) => hrefWith('/admin/orders', query, { page: page === 1 ? '' : page })} />
    </div>
  )
}
