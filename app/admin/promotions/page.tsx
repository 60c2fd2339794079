import type { Metadata } from 'next'
import { Link } from '@/components/ui/link'
import { PromotionActiveButton } from '@/components/admin/promotion-form'
import { Badge, ButtonLink, EmptyState, formatDateTime, PageHeader, tableClass, tdClass, thClass } from '@/components/admin/ui'
import { StatusMessage } from '@/components/ui/form'
import { requireAdmin } from '@/lib/auth/session'
import { formatMoney } from '@/lib/money'
import { describeEffect } from '@/lib/promotions/describe'
import { listPromotions } from '@/lib/promotions/queries'

export const metadata: Metadata = { title: 'Promotions' }
export const instant = false

function status(row: { active: boolean; startsAt: Date | null; endsAt: Date | null; usageLimit: number | null; uses: number }, now: Date) {
  if (!row.active) return <Badge tone="grey">Paused</Badge>
  if (row.endsAt && row.endsAt <= now) return <Badge tone="red">Ended</Badge>
  if (row.startsAt && row.startsAt > now) return <Badge tone="blue">Scheduled</Badge>
  if (row.usageLimit !== null && row.uses >= row.usageLimit) return <Badge tone="amber">Used up</Badge>
  return <Badge tone="green">Running</Badge>
}

export default async function AdminPromotionsPage({ searchParams }: PageProps<'/admin/promotions'>) {
  await requireAdmin('/admin/promotions')
  const [rows, params] = await Promise.all([listPromotions(), searchParams])
  const now = new Date()
  return (
    <div className="flex flex-col gap-6">
      <PageHeader title="Promotions">
        <ButtonLink href="/admin/promotions/new" variant="primary">
          New promotion
        </ButtonLink>
      </PageHeader>
      {params.created && <StatusMessage>Promotion created.</StatusMessage>}
      {rows.length === 0 ? (
        <EmptyState>No promotions yet. Create a code or an automatic promotion.</EmptyState>
      ) : (
        <div className="overflow-x-auto">
          <table className={tableClass}>
            <thead>
              <tr>
                {['Promotion', 'Code', 'Takes off', 'Status', 'Uses', 'Paid orders', 'Revenue', 'Discount given', 'Dates (UTC)', ''].map((label) => (
                  <th key={label} scope="col" className={thClass}>
                    {label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.id}>
                  <td className={tdClass}>
                    <Link href={`/admin/promotions/${row.id}`} className="font-medium text-brand-700 hover:underline">
                      {row.name}
                    </Link>
                  </td>
                  <td className={`${tdClass} font-mono`}>{row.code ?? <span className="font-sans text-zinc-600">automatic</span>}</td>
                  <td className={tdClass}>
                    {describeEffect(row)}
                    {row.minSubtotalCents > 0 && <span className="block text-xs text-zinc-600">from {formatMoney(row.minSubtotalCents, row.currency)}</span>}
                    {row.scope === 'items' && <span className="block text-xs text-zinc-600">chosen items</span>}
                  </td>
                  <td className={tdClass}>{status(row, now)}</td>
                  <td className={`${tdClass} tabular-nums`} data-testid="promotion-uses">
                    {row.uses}
                    {row.usageLimit !== null ? ` of ${row.usageLimit}` : ''}
                  </td>
                  <td className={`${tdClass} tabular-nums`}>{row.paidOrders}</td>
                  <td className={`${tdClass} tabular-nums`}>{formatMoney(row.revenueCents, row.currency)}</td>
                  <td className={`${tdClass} tabular-nums`}>{formatMoney(row.discountGivenCents, row.currency)}</td>
                  <td className={`${tdClass} text-xs`}>
                    {row.startsAt ? formatDateTime(row.startsAt) : 'now'} – {row.endsAt ? formatDateTime(row.endsAt) : 'no end'}
                  </td>
                  <td className={tdClass}>
                    <PromotionActiveButton id={row.id} name={row.name} active={row.active} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  )
}
