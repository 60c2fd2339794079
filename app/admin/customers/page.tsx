import type { Metadata } from 'next'
import { Link } from '@/components/ui/link'
import { Badge, DataTable, EmptyState, filterControlClass, PageHeader, tdClass } from '@/components/admin/ui'
import { Pagination } from '@/components/shop/pagination'
import { listCustomers, parseCustomerListParams } from '@/lib/admin/customers/queries'
import { hrefWith } from '@/lib/admin/list-params'
import { requireAdmin } from '@/lib/auth/session'
import { formatMoney } from '@/lib/money'

export const metadata: Metadata = { title: 'Customers' }
export const instant = false

export default async function AdminCustomersPage({ searchParams }: PageProps<'/admin/customers'>) {
  await requireAdmin('/admin/customers')
  const params = parseCustomerListParams(await searchParams)
  const query = { q: params.q, role: params.role === 'all' ? '' : params.role }
  const { rows, total, pageCount } = await listCustomers(params)
  return (
    <div className="flex flex-col gap-6">
      <PageHeader title="Customers" />
      <form method="get" action="/admin/customers" role="search" aria-label="Filter customers" className="flex flex-wrap items-end gap-3">
        <label className="flex flex-col gap-1 text-sm font-medium">
          Search
          <input type="search" name="q" defaultValue={params.q} placeholder="Email or name" className={filterControlClass} />
        </label>
        <label className="flex flex-col gap-1 text-sm font-medium">
          Role
          <select name="role" defaultValue={params.role} className={filterControlClass}>
            <option value="all">Everyone</option>
            <option value="customer">Customers</option>
            <option value="admin">Admins</option>
          </select>
        </label>
        <button type="submit" className="rounded-full bg-zinc-900 px-4 py-2 text-sm font-semibold text-white hover:bg-zinc-700">
          Filter
        </button>
      </form>
      <p className="text-sm text-zinc-700">{total.toLocaleString('en-US')} accounts</p>
      {rows.length === 0 ? (
        <EmptyState>No accounts match.</EmptyState>
      ) : (
        <DataTable columns={['Customer', 'Role', 'Orders', 'Total spent', 'Joined']}>
          {rows.map((customer) => (
            <tr key={customer.id}>
              <td className={tdClass}>
                <Link href={`/admin/customers/${customer.id}`} className="font-medium text-brand-700 hover:underline">
                  {customer.email}
                </Link>
                {customer.name && <div className="text-xs text-zinc-600">{customer.name}</div>}
              </td>
              <td className={tdClass}>{customer.role === 'admin' ? <Badge tone="blue">Admin</Badge> : 'Customer'}</td>
              <td className={`${tdClass} tabular-nums`}>{customer.orderCount}</td>
              <td className={`${tdClass} tabular-nums`}>{formatMoney(customer.spentCents)}</td>
              <td className={`${tdClass} whitespace-nowrap`}>{customer.createdAt.toISOString().slice(0, 10)}</td>
            </tr>
          ))}
        </DataTable>
      )}
      <Pagination page={params.page} pageCount={pageCount} hrefFor={(page) => hrefWith('/admin/customers', query, { page: page === 1 ? '' : page })} />
    </div>
  )
}
