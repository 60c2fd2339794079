import type { Metadata } from 'next'
import { Link } from '@/components/ui/link'
import { ReturnBadge } from '@/components/admin/return-badge'
import { DataTable, EmptyState, filterControlClass, formatDateTime, PageHeader, tdClass } from '@/components/admin/ui'
import { Pagination } from '@/components/shop/pagination'
import { hrefWith, one, pageNumber, pick, type RawParams } from '@/lib/admin/list-params'
import { requireAdmin } from '@/lib/auth/session'
import { listAdminReturns } from '@/lib/returns/queries'
import { returnReasonLabels, type ReturnStatus, returnStatusLabels } from '@/lib/returns/status'

export const metadata: Metadata = { title: 'Returns' }
export const instant = false

const statuses = Object.keys(returnStatusLabels) as ReturnStatus[]

export default async function AdminReturnsPage({ searchParams }: PageProps<'/admin/returns'>) {
  await requireAdmin('/admin/returns')
  const raw = (await searchParams) as RawParams
  const status = pick(one(raw, 'status'), [...statuses, 'all'] as const, 'all')
  const page = pageNumber(one(raw, 'page'))
  const { rows, total, pageCount } = await listAdminReturns({ status, page })
  return (
    <div className="flex flex-col gap-6">
      <PageHeader title="Returns" />
      <form method="get" action="/admin/returns" role="search" aria-label="Filter returns" className="flex flex-wrap items-end gap-3">
        <label className="flex flex-col gap-1 text-sm font-medium">
          Status
          <select name="status" defaultValue={status} className={filterControlClass}>
            <option value="all">Any status</option>
            {statuses.map((value) => (
              <option key={value} value={value}>
                {returnStatusLabels[value]}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="rounded-full bg-zinc-900 px-4 py-2 text-sm font-semibold text-white hover:bg-zinc-700">
          Filter
        </button>
      </form>
      <p className="text-sm text-zinc-700">{total.toLocaleString('en-US')} returns</p>
      {rows.length === 0 ? (
        <EmptyState>No returns match.</EmptyState>
      ) : (
        <DataTable columns={['Return', 'Requested', 'Order', 'Customer', 'Items', 'Reason', 'Status']}>
          {rows.map((row) => (
            <tr key={row.id}>
              <td className={tdClass}>
                <Link href={`/admin/returns/${row.id}`} className="font-medium text-brand-700 hover:underline">
                  R-{row.id}
                </Link>
              </td>
              <td className={`${tdClass} whitespace-nowrap`}>{formatDateTime(row.createdAt)}</td>
              <td className={tdClass}>
                <Link href={`/admin/orders/${row.orderId}`} className="text-brand-700 hover:underline">
                  #{row.orderId}
                </Link>
              </td>
              <td className={tdClass}>{row.email}</td>
              <td className={`${tdClass} tabular-nums`}>{row.itemCount}</td>
              <td className={tdClass}>{returnReasonLabels[row.reason]}</td>
              <td className={tdClass}>
                <ReturnBadge status={row.status} />
              </td>
            </tr>
          ))}
        </DataTable>
      )}
      <Pagination
        page={page}
        pageCount={pageCount}
        hrefFor={(target) => hrefWith('/admin/returns', { status: status === 'all' ? '' : status }, { page: target === 1 ? '' : target })}
      />
    </div>
  )
}
