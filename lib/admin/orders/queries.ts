import 'server-only'
import { and, count, desc, eq, gte, ilike, lt, or, type SQL, sql } from 'drizzle-orm'
import { db } from '@/db/client'
import { orders } from '@/db/schema'
import { orderStatus } from '@/db/schema/orders'
import type { OrderStatus } from '@/lib/orders/status'
import { isoDay, one, pageNumber, pick, type RawParams } from '../list-params'

export const ORDERS_PER_PAGE = 25
const statuses = ['all', ...orderStatus.enumValues] as const

export type OrderListParams = { q: string; status: (typeof statuses)[number]; from: string; to: string; page: number }

export function parseOrderListParams(params: RawParams): OrderListParams {
  const from = one(params, 'from')
  const to = one(params, 'to')
  return {
    q: one(params, 'q').slice(0, 200),
    status: pick(one(params, 'status'), statuses, 'all'),
    from: isoDay(from) ? from : '',
    to: isoDay(to) ? to : '',
    page: pageNumber(one(params, 'page')),
  }
}

/** Search by order number (“10042” or “#10042”) or by email (any part of it). */
export async function listAdminOrders(params: OrderListParams) {
  const conditions: SQL[] = []
  if (params.q) {
    const number = /^#?(\d{1,9})$/.exec(params.q)
    const byEmail = ilike(orders.email, `%${params.q.replace(/[\\%_]/g, (char) => `\\${char}`)}%`)
    const match = number ? or(eq(orders.id, Number(number[1])), byEmail) : byEmail
    if (match) conditions.push(match)
  }
  if (params.status !== 'all') conditions.push(eq(orders.status, params.status as OrderStatus))
  const from = isoDay(params.from)
  const to = isoDay(params.to)
  if (from) conditions.push(gte(orders.createdAt, from))
  if (to) conditions.push(lt(orders.createdAt, new Date(to.getTime() + 86_400_000)))
  const where = conditions.length > 0 ? and(...conditions) : undefined
  const [rows, [total]] = await Promise.all([
    db
      .select({
        id: orders.id,
        email: orders.email,
        status: orders.status,
        currency: orders.currency,
        totalCents: orders.totalCents,
        refundedCents: orders.refundedCents,
        createdAt: orders.createdAt,
        itemCount: sql<number>`(select coalesce(sum(oi.quantity), 0)::int from order_items oi where oi.order_id = "orders"."id")`,
      })
      .from(orders)
      .where(where)
      .orderBy(desc(orders.createdAt), desc(orders.id))
      .limit(ORDERS_PER_PAGE)
      .offset((params.page - 1) * ORDERS_PER_PAGE),
    db.select({ count: count() }).from(orders).where(where),
  ])
  const totalCount = total?.count ?? 0
  return { rows, total: totalCount, pageCount: Math.max(1, Math.ceil(totalCount / ORDERS_PER_PAGE)) }
}
