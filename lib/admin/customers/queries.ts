import 'server-only'
import { and, desc, eq, ilike, or, type SQL, sql } from 'drizzle-orm'
import { db } from '@/db/client'
import { orders, users } from '@/db/schema'
import { one, pageNumber, pick, type RawParams } from '../list-params'

export const CUSTOMERS_PER_PAGE = 25
const roles = ['all', 'customer', 'admin'] as const

export type CustomerListParams = { q: string; role: (typeof roles)[number]; page: number }

export function parseCustomerListParams(params: RawParams): CustomerListParams {
  return { q: one(params, 'q').slice(0, 200), role: pick(one(params, 'role'), roles, 'all'), page: pageNumber(one(params, 'page')) }
}

/** Orders that count as sales: paid at some point and not cancelled. */
export const countedOrder = sql`${orders.status} not in ('pending', 'cancelled')`

export async function listCustomers(params: CustomerListParams) {
  const conditions: SQL[] = []
  if (params.q) {
    const pattern = `%${params.q.replace(/[\\%_]/g, (char) => `\\${char}`)}%`
    const match = or(ilike(users.email, pattern), ilike(users.name, pattern))
    if (match) conditions.push(match)
  }
  if (params.role !== 'all') conditions.push(eq(users.role, params.role))
  const where = conditions.length > 0 ? and(...conditions) : undefined
  // Totals per user in one grouped subquery, so the page costs one scan of orders, not one query per row.
  const totals = db
    .select({
      userId: orders.userId,
      orderCount: sql<number>`count(*)::int`.as('order_count'),
      spentCents: sql<number>`coalesce(sum(${orders.totalCents} - ${orders.refundedCents}), 0)::bigint`.as('spent_cents'),
    })
    .from(orders)
    .where(countedOrder)
    .groupBy(orders.userId)
    .as('totals')
  const [rows, [total]] = await Promise.all([
    db
      .select({
        id: users.id,
        email: users.email,
        name: users.name,
        role: users.role,
        createdAt: users.createdAt,
        orderCount: sql<number>`coalesce(${totals.orderCount}, 0)::int`,
        spentCents: sql<number>`coalesce(${totals.spentCents}, 0)::bigint`,
      })
      .from(users)
      .leftJoin(totals, eq(totals.userId, users.id))
      .where(where)
      .orderBy(desc(users.createdAt), desc(users.id))
      .limit(CUSTOMERS_PER_PAGE)
      .offset((params.page - 1) * CUSTOMERS_PER_PAGE),
    db
      .select({ count: sql<number>`count(*)::int` })
      .from(users)
      .where(where),
  ])
  const count = total?.count ?? 0
  return { rows, total: count, pageCount: Math.max(1, Math.ceil(count / CUSTOMERS_PER_PAGE)) }
}

export async function getCustomer(id: string) {
  const [user] = await db.select({ id: users.id, email: users.email, name: users.name, role: users.role, createdAt: users.createdAt }).from(users).where(eq(users.id, id)).limit(1)
  if (!user) return null
  const customerOrders = await db
    .select({
      id: orders.id,
      status: orders.status,
      totalCents: orders.totalCents,
      refundedCents: orders.refundedCents,
      currency: orders.currency,
      createdAt: orders.createdAt,
      paidAt: orders.paidAt,
    })
    .from(orders)
    .where(eq(orders.userId, id))
    .orderBy(desc(orders.createdAt), desc(orders.id))
    .limit(200)
  const counted = customerOrders.filter((order) => order.status !== 'pending' && order.status !== 'cancelled')
  return {
    user,
    orders: customerOrders,
    orderCount: counted.length,
    spentCents: counted.reduce((sum, order) => sum + order.totalCents - order.refundedCents, 0),
  }
}
