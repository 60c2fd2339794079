import type { Metadata } from 'next'
import { Link } from '@/components/ui/link'
import { RevenueChart } from '@/components/admin/revenue-chart'
import { ButtonLink, PageHeader, Panel } from '@/components/admin/ui'
import {
  change,
  lowStockVariants,
  type Metrics,
  ordersToShip,
  type PeriodKey,
  periodLabels,
  periodMetrics,
  revenueByDay,
  topProducts,
} from '@/lib/admin/dashboard'
import { requireAdmin } from '@/lib/auth/session'
import { getStoreSettings } from '@/lib/settings/queries'
import { failedJobCount } from '@/lib/jobs/admin'
import { formatMoney } from '@/lib/money'
import { pluralize } from '@/lib/plural'

export const metadata: Metadata = { title: 'Dashboard' }

export const instant = false

const periods: PeriodKey[] = ['today', '7d', '30d']
const previousLabels: Record<PeriodKey, string> = { today: 'yesterday', '7d': 'the 7 days before', '30d': 'the 30 days before' }

function Change({ current, previous, period }: { current: number; previous: number; period: PeriodKey }) {
  const ratio = change(current, previous)
  if (ratio === null) return <span className="text-xs text-zinc-600">none {previousLabels[period]}</span>
  const percent = Math.round(ratio * 100)
  const tone = percent > 0 ? 'text-emerald-700' : percent < 0 ? 'text-red-700' : 'text-zinc-600'
  return (
    <span className={`text-xs font-medium ${tone}`}>
      {percent > 0 ? '▲' : percent < 0 ? '▼' : ''} {percent > 0 ? '+' : ''}
      {percent}% vs {previousLabels[period]}
    </span>
  )
}

const metricRows: { key: keyof Metrics; label: string; format: (value: number) => string }[] = [
  { key: 'revenueCents', label: 'Revenue', format: (value) => formatMoney(value) },
  { key: 'orders', label: 'Orders', format: (value) => value.toLocaleString('en-US') },
  { key: 'averageOrderCents', label: 'Average order', format: (value) => formatMoney(value) },
  { key: 'newCustomers', label: 'New customers', format: (value) => value.toLocaleString('en-US') },
]

export default async function AdminDashboardPage() {
  const admin = await requireAdmin('/admin')
  const [metrics, days, top, lowStock, toShip, failedJobs, settings] = await Promise.all([
    Promise.all(periods.map((period) => periodMetrics(period))),
    revenueByDay(30),
    topProducts(30),
    lowStockVariants(),
    ordersToShip(),
    failedJobCount(),
    getStoreSettings(),
  ])
  return (
    <div className="flex flex-col gap-6">
      <PageHeader title="Dashboard">
        <ButtonLink href="/admin/export/orders" download>
          Export last 30 days of orders
        </ButtonLink>
      </PageHeader>
      {failedJobs > 0 && (
        <p role="alert" className="rounded-xl border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-900">
          {pluralize(failedJobs, 'background job')} failed (emails that were not sent, for example).{' '}
          <Link href="/admin/jobs?state=failed" className="font-semibold underline">
            See the failed jobs and retry them
          </Link>
        </p>
      )}
      <p className="text-sm text-zinc-700">
        Signed in as <span className="font-medium text-zinc-900">{admin.email}</span>. Figures are in UTC days; revenue is what customers paid, less refunds.
      </p>
      <div className="grid gap-4 md:grid-cols-3">
        {metrics.map((period) => (
          <section key={period.key} aria-labelledby={`period-${period.key}`} className="rounded-xl border border-zinc-200 p-4">
            <h2 id={`period-${period.key}`} className="mb-3 text-sm font-semibold text-zinc-700">
              {periodLabels[period.key]}
            </h2>
            <dl className="grid grid-cols-2 gap-3">
              {metricRows.map((row) => (
                <div key={row.key}>
                  <dt className="text-xs text-zinc-600">{row.label}</dt>
                  <dd className="text-lg font-semibold tabular-nums">{row.format(period.current[row.key])}</dd>
                  <dd>
                    <Change current={period.current[row.key]} previous={period.previous[row.key]} period={period.key} />
                  </dd>
                </div>
              ))}
            </dl>
          </section>
        ))}
      </div>
      <Panel title="Revenue per day (last 30 days, UTC)">
        <RevenueChart days={days} />
      </Panel>
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-3">
        <Panel title="Top products (30 days)">
          {top.length === 0 ? (
            <p className="text-sm text-zinc-700">No sales in the last 30 days.</p>
          ) : (
            <ol className="flex flex-col gap-2 text-sm">
              {top.map((product) => (
                <li key={product.product_id} className="flex justify-between gap-2">
                  <Link href={`/admin/products/${product.product_id}`} className="text-brand-700 hover:underline">
                    {product.name}
                  </Link>
                  <span className="tabular-nums text-zinc-700">
                    {product.units} sold · {formatMoney(product.revenue)}
                  </span>
                </li>
              ))}
            </ol>
          )}
        </Panel>
        <Panel title={`Low stock (${pluralize(lowStock.total, 'variant')})`}>
          {lowStock.rows.length === 0 ? (
            <p className="text-sm text-zinc-700">Every active variant has more than {settings.lowStockThreshold} in stock.</p>
          ) : (
            <ul className="flex flex-col gap-2 text-sm">
              {lowStock.rows.map((variant) => (
                <li key={variant.id} className="flex justify-between gap-2">
                  <Link href={`/admin/products/${variant.product_id}`} className="text-brand-700 hover:underline">
                    {variant.name}
                    {variant.title ? ` — ${variant.title}` : ''}
                  </Link>
                  <span className={`tabular-nums ${variant.stock === 0 ? 'font-semibold text-red-700' : 'text-amber-800'}`}>
                    {variant.stock === 0 ? 'Out of stock' : `${variant.stock} left`}
                  </span>
                </li>
              ))}
            </ul>
          )}
          <Link href="/admin/products?stock=low" className="text-sm font-medium text-brand-700 hover:underline">
            All low-stock products
          </Link>
        </Panel>
        <Panel title={`Waiting to ship (${toShip.total})`}>
          {toShip.rows.length === 0 ? (
            <p className="text-sm text-zinc-700">Nothing to ship. Every paid order has gone out.</p>
          ) : (
            <ul className="flex flex-col gap-2 text-sm">
              {toShip.rows.map((order) => (
                <li key={order.id} className="flex justify-between gap-2">
                  <Link href={`/admin/orders/${order.id}`} className="text-brand-700 hover:underline">
                    #{order.id} · {order.email}
                  </Link>
                  <span className="tabular-nums text-zinc-700">{formatMoney(order.total_cents, order.currency)}</span>
                </li>
              ))}
            </ul>
          )}
          <Link href="/admin/orders?status=paid" className="text-sm font-medium text-brand-700 hover:underline">
            All orders to ship
          </Link>
        </Panel>
      </div>
    </div>
  )
}
