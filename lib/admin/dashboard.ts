import 'server-only'
import { sql } from 'drizzle-orm'
import { db } from '@/db/client'
import { paidStatusesSql } from '@/lib/orders/queries'
import { lowStockThresholdSql } from '@/lib/settings/queries'
import { variantTitle } from './products/variant-plan'

const DAY = 86_400_000

export type PeriodKey = 'today' | '7d' | '30d'
export const periodLabels: Record<PeriodKey, string> = { today: 'Today', '7d': 'Last 7 days', '30d': 'Last 30 days' }
const periodDays: Record<PeriodKey, number> = { today: 1, '7d': 7, '30d': 30 }

export type Metrics = { revenueCents: number; orders: number; averageOrderCents: number; newCustomers: number }
export type PeriodMetrics = { key: PeriodKey; current: Metrics; previous: Metrics }

/** Midnight UTC of the day `now` falls in. */
export function startOfUtcDay(now: Date) {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()))
}

/** Whole UTC days ending with today: [start, end), and the same length just before it. */
export function periodBounds(key: PeriodKey, now: Date) {
  const end = new Date(startOfUtcDay(now).getTime() + DAY)
  const start = new Date(end.getTime() - periodDays[key] * DAY)
  return { start, end, previousStart: new Date(start.getTime() - periodDays[key] * DAY) }
}

/** Relative change, or null when there is nothing to compare with. */
export function change(current: number, previous: number): number | null {
  if (previous === 0) return current === 0 ? 0 : null
  return (current - previous) / previous
}

const ts = (date: Date) => sql`${date.toISOString()}::timestamptz`
// A sale is a paid order (lib/orders' definition), dated by its payment; refunds come off the revenue.
const counted = sql`o.status in (${paidStatusesSql}) and o.paid_at is not null`

async function metricsBetween(start: Date, end: Date): Promise<Metrics> {
  const [sales] = await db.execute<{ revenue: number; orders: number }>(sql`
    select coalesce(sum(o.total_cents - o.refunded_cents), 0)::bigint as revenue, count(*)::int as orders
    from orders o where ${counted} and o.paid_at >= ${ts(start)} and o.paid_at < ${ts(end)}`)
  const [customers] = await db.execute<{ count: number }>(sql`
    select count(*)::int as count from users where role = 'customer' and created_at >= ${ts(start)} and created_at < ${ts(end)}`)
  const revenueCents = sales?.revenue ?? 0
  const orders = sales?.orders ?? 0
  return { revenueCents, orders, averageOrderCents: orders === 0 ? 0 : Math.round(revenueCents / orders), newCustomers: customers?.count ?? 0 }
}

export async function periodMetrics(key: PeriodKey, now = new Date()): Promise<PeriodMetrics> {
  const { start, end, previousStart } = periodBounds(key, now)
  const [current, previous] = await Promise.all([metricsBetween(start, end), metricsBetween(previousStart, start)])
  return { key, current, previous }
}

/** Revenue for each of the last `days` UTC days, today last; days without sales are 0. */
export async function revenueByDay(days: number, now = new Date()) {
  const { start, end } = { start: new Date(startOfUtcDay(now).getTime() - (days - 1) * DAY), end: new Date(startOfUtcDay(now).getTime() + DAY) }
  const rows = await db.execute<{ day: string; revenue: number; orders: number }>(sql`
    select to_char(d.day, 'YYYY-MM-DD') as day,
           coalesce(sum(o.total_cents - o.refunded_cents), 0)::bigint as revenue,
           count(o.id)::int as orders
    from generate_series(${ts(start)}, ${ts(new Date(end.getTime() - DAY))}, interval '1 day') as d(day)
    left join orders o on ${counted} and o.paid_at >= d.day and o.paid_at < d.day + interval '1 day'
    group by d.day order by d.day`)
  return rows.map((row) => ({ day: row.day, revenueCents: row.revenue, orders: row.orders }))
}

export async function topProducts(days: number, limit = 5, now = new Date()) {
  const start = new Date(startOfUtcDay(now).getTime() - (days - 1) * DAY)
  return db.execute<{ product_id: number; name: string; units: number; revenue: number }>(sql`
    select oi.product_id, max(oi.name) as name, sum(oi.quantity)::int as units, sum(oi.quantity * oi.unit_price_cents)::bigint as revenue
    from order_items oi join orders o on o.id = oi.order_id
    where ${counted} and o.paid_at >= ${ts(start)}
    group by oi.product_id order by revenue desc, units desc, oi.product_id limit ${limit}`)
}

/** Active variants of active products at or below the low-stock level, emptiest first, and how many there are. */
export async function lowStockVariants(limit = 10) {
  const low = sql`from product_variants v join products p on p.id = v.product_id where p.active and v.active and v.stock <= ${lowStockThresholdSql}`
  const [rows, [total]] = await Promise.all([
    db.execute<{ id: number; product_id: number; name: string; option1: string | null; option2: string | null; option3: string | null; sku: string; stock: number }>(sql`
      select v.id, v.product_id, p.name, v.option1, v.option2, v.option3, v.sku, v.stock ${low} order by v.stock, p.name, v.position, v.id limit ${limit}`),
    db.execute<{ count: number }>(sql`select count(*)::int as count ${low}`),
  ])
  return { rows: rows.map((row) => ({ ...row, title: variantTitle([row.option1, row.option2, row.option3]) })), total: total?.count ?? 0 }
}

/** Paid orders not shipped yet, oldest first (the ones to pack next). */
export async function ordersToShip(limit = 10) {
  const [rows, [total]] = await Promise.all([
    db.execute<{ id: number; email: string; total_cents: number; currency: string; paid_at: string }>(sql`
      select id, email, total_cents, currency, paid_at::text from orders where status = 'paid' order by paid_at, id limit ${limit}`),
    db.execute<{ count: number }>(sql`select count(*)::int as count from orders where status = 'paid'`),
  ])
  return { rows, total: total?.count ?? 0 }
}
