import type { Metadata } from 'next'
import { Link } from '@/components/ui/link'
import { notFound } from 'next/navigation'
import { RoleForm } from '@/components/admin/role-form'
import { Badge, DataTable, formatDateTime, PageHeader, Panel, tdClass } from '@/components/admin/ui'
import { getCustomer } from '@/lib/admin/customers/queries'
import { requireAdmin } from '@/lib/auth/session'
import { formatMoney } from '@/lib/money'

export const metadata: Metadata = { title: 'Customer' }
export const instant = false

export default async function AdminCustomerPage({ params }: PageProps<'/admin/customers/[id]'>) {
  const { id } = await params
  await requireAdmin(`/admin/customers/${encodeURIComponent(id)}`)
  const customer = id.length <= 100 ? await getCustomer(id) : null
  if (!customer) notFound()
  const { user } = customer
  return (
    <div className="flex flex-col gap-6">
      <Link href="/admin/customers" className="text-sm font-medium text-brand-700 hover:underline">
        ← Customers
      </Link>
      <PageHeader title={user.name || user.email}>{user.role === 'admin' && <Badge tone="blue">Admin</Badge>}</PageHeader>
      <dl className="grid max-w-2xl grid-cols-2 gap-3 text-sm sm:grid-cols-4">
        {[
          ['Email', user.email],
          ['Joined', user.createdAt.toISOString().slice(0, 10)],
          ['Orders', String(customer.orderCount)],
          ['Total spent', formatMoney(customer.spentCents)],
        ].map(([label, value]) => (
          <div key={label} className="rounded-lg border border-zinc-200 p-3">
            <dt className="text-zinc-600">{label}</dt>
            <dd className="font-semibold break-all">{value}</dd>
          </div>
        ))}
      </dl>
      <Panel title="Role">
        <RoleForm userId={user.id} role={user.role} email={user.email} />
      </Panel>
      <Panel title="Orders">
        {customer.orders.length === 0 ? (
          <p className="text-sm text-zinc-700">No orders yet.</p>
        ) : (
          <DataTable columns={['Order', 'Placed', 'Status', 'Total', 'Refunded']}>
            {customer.orders.map((order) => (
              <tr key={order.id}>
                <td className={`${tdClass} tabular-nums`}>
                  <Link href={`/admin/orders/${order.id}`} className="font-medium text-brand-700 hover:underline">
                    #{order.id}
                  </Link>
                </td>
                <td className={`${tdClass} whitespace-nowrap`}>{formatDateTime(order.createdAt)}</td>
                <td className={tdClass}>{order.status.replace('_', ' ')}</td>
                <td className={`${tdClass} tabular-nums`}>{formatMoney(order.totalCents, order.currency)}</td>
                <td className={`${tdClass} tabular-nums`}>{order.refundedCents > 0 ? formatMoney(order.refundedCents, order.currency) : '—'}</td>
              </tr>
            ))}
          </DataTable>
        )}
      </Panel>
    </div>
  )
}
