import type { Metadata } from 'next'
import { Link } from '@/components/ui/link'
import { DataTable, EmptyState, filterControlClass, formatDateTime, PageHeader, tdClass } from '@/components/admin/ui'
import { auditChanges } from '@/lib/admin/audit-diff'
import { auditActionNames, listAuditEntries, parseAuditParams } from '@/lib/admin/audit-log'
import { hrefWith } from '@/lib/admin/list-params'
import { requireAdmin } from '@/lib/auth/session'

export const metadata: Metadata = { title: 'Audit log' }
export const instant = false

const entityLinks: Record<string, (id: string) => string> = {
  product: (id) => `/admin/products/${id}`,
  user: (id) => `/admin/customers/${id}`,
  order: (id) => `/admin/orders/${id}`,
}

export default async function AuditLogPage({ searchParams }: PageProps<'/admin/audit'>) {
  await requireAdmin('/admin/audit')
  const params = parseAuditParams(await searchParams)
  const [{ rows, hasNext }, actions] = await Promise.all([listAuditEntries(params), auditActionNames()])
  const query = { entity: params.entityType, id: params.entityId, action: params.action, actor: params.actor, from: params.from, to: params.to }
  return (
    <div className="flex flex-col gap-6">
      <PageHeader title="Audit log" />
      <p className="text-sm text-zinc-700">Every change made from the admin: who, when, and the values before and after.</p>
      <form method="get" action="/admin/audit" role="search" aria-label="Filter the audit log" className="flex flex-wrap items-end gap-3">
        <label className="flex flex-col gap-1 text-sm font-medium">
          What
          <select name="entity" defaultValue={params.entityType} className={filterControlClass}>
            <option value="">Everything</option>
            <option value="product">Products</option>
            <option value="category">Categories</option>
            <option value="user">Accounts</option>
            <option value="order">Orders</option>
          </select>
        </label>
        <label className="flex flex-col gap-1 text-sm font-medium">
          Action
          <select name="action" defaultValue={params.action} className={filterControlClass}>
            <option value="">Any action</option>
            {actions.map((action) => (
              <option key={action} value={action}>
                {action}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col gap-1 text-sm font-medium">
          By (email)
          <input type="search" name="actor" defaultValue={params.actor} className={filterControlClass} />
        </label>
        <label className="flex flex-col gap-1 text-sm font-medium">
          From
          <input type="date" name="from" defaultValue={params.from} className={filterControlClass} />
        </label>
        <label className="flex flex-col gap-1 text-sm font-medium">
          To
          <input type="date" name="to" defaultValue={params.to} className={filterControlClass} />
        </label>
        {params.entityId && <input type="hidden" name="id" value={params.entityId} />}
        <button type="submit" className="rounded-full bg-zinc-900 px-4 py-2 text-sm font-semibold text-white hover:bg-zinc-700">
          Filter
        </button>
        <Link href="/admin/audit" className="px-2 py-2 text-sm font-medium text-zinc-700 underline">
          Clear
        </Link>
      </form>
      {rows.length === 0 ? (
        <EmptyState>No entries match.</EmptyState>
      ) : (
        <DataTable columns={['When', 'Who', 'Action', 'On', 'Changes']}>
          {rows.map((entry) => {
            const link = entityLinks[entry.entityType]
            const changes = auditChanges(entry.before, entry.after)
            return (
              <tr key={entry.id}>
                <td className={`${tdClass} whitespace-nowrap`}>{formatDateTime(entry.createdAt)}</td>
                <td className={tdClass}>{entry.actorEmail}</td>
                <td className={`${tdClass} font-mono text-xs`}>{entry.action}</td>
                <td className={tdClass}>
                  {entry.entityType}{' '}
                  {link && /^[\w-]+$/.test(entry.entityId) && entry.entityId !== 'csv-import' ? (
                    <Link href={link(entry.entityId)} className="text-brand-700 hover:underline">
                      {entry.entityId.slice(0, 12)}
                    </Link>
                  ) : (
                    entry.entityId.slice(0, 12)
                  )}{' '}
                  <Link href={hrefWith('/admin/audit', {}, { entity: entry.entityType, id: entry.entityId })} className="text-xs text-zinc-600 underline">
                    history
                  </Link>
                </td>
                <td className={`${tdClass} max-w-xl`}>
                  {changes.length === 0 ? (
                    '—'
                  ) : (
                    <ul className="flex flex-col gap-0.5 text-xs">
                      {changes.slice(0, 12).map((change) => (
                        <li key={change.field} className="break-all">
                          {change.field && <span className="font-semibold">{change.field}: </span>}
                          <del className="text-red-800">{change.before.slice(0, 300)}</del> →{' '}
                          <ins className="text-emerald-800 no-underline">{change.after.slice(0, 300)}</ins>
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
              </tr>
            )
          })}
        </DataTable>
      )}
      <nav aria-label="Pagination" className="flex gap-3 text-sm">
        {params.page > 1 && (
          <Link
            href={hrefWith('/admin/audit', query, { page: params.page - 1 === 1 ? '' : params.page - 1 })}
            rel="prev"
            className="rounded-lg border border-zinc-300 px-3 py-1.5"
          >
            Newer
          </Link>
        )}
        {hasNext && (
          <Link href={hrefWith('/admin/audit', query, { page: params.page + 1 })} rel="next" className="rounded-lg border border-zinc-300 px-3 py-1.5">
            Older
          </Link>
        )}
      </nav>
    </div>
  )
}
