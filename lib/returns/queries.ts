import 'server-only'
import { and, asc, count, desc, eq, inArray, sql } from 'drizzle-orm'
import { db, type Executor } from '@/db/client'
import { orderEvents, orderItems, orders, returnEvents, returnItems, returns } from '@/db/schema'
import { getStoreSettings } from '@/lib/settings/queries'
import { refundableCents } from '@/lib/orders/queries'
import type { OrderStatus } from '@/lib/orders/status'
import { formatReturnDeadline, HOLDING_RETURN_STATUSES, lineRefundCents, type ReturnActor, type ReturnReason, type ReturnStatus, returnDeadline, withinReturnWindow } from './status'

export type ReturnableLine = { orderItemId: number; productId: number; name: string; unitPriceCents: number; bought: number; alreadyReturned: number; returnable: number }

/** When the order was first marked delivered, from its timeline; null if it never was. */
export async function deliveredAt(orderId: number, executor: Executor = db) {
  const [row] = await executor
    .select({ at: sql<Date | null>`min(${orderEvents.createdAt})`.mapWith((value: string | Date | null) => (value === null ? null : new Date(value))) })
    .from(orderEvents)
    .where(and(eq(orderEvents.orderId, orderId), eq(orderEvents.toStatus, 'delivered')))
  return row?.at ?? null
}

/** Each line of the order: how many were bought, how many are already in a return (not rejected), how many can still go back. */
export async function returnableLines(orderId: number, executor: Executor = db): Promise<ReturnableLine[]> {
  const held = executor
    .select({ orderItemId: returnItems.orderItemId, quantity: sql<number>`sum(${returnItems.quantity})::int`.as('held_quantity') })
    .from(returnItems)
    .innerJoin(returns, eq(returns.id, returnItems.returnId))
    .where(and(eq(returns.orderId, orderId), inArray(returns.status, [...HOLDING_RETURN_STATUSES])))
    .groupBy(returnItems.orderItemId)
    .as('held')
  const rows = await executor
    .select({
      orderItemId: orderItems.id,
      productId: orderItems.productId,
      name: orderItems.name,
      unitPriceCents: orderItems.unitPriceCents,
      bought: orderItems.quantity,
      alreadyReturned: sql<number>`coalesce(${held.quantity}, 0)::int`,
    })
    .from(orderItems)
    .leftJoin(held, eq(held.orderItemId, orderItems.id))
    .where(eq(orderItems.orderId, orderId))
    .orderBy(asc(orderItems.id))
  return rows.map((row) => ({ ...row, returnable: Math.max(0, row.bought - row.alreadyReturned) }))
}

export type ReturnEligibility = { ok: true; deliveredAt: Date; deadline: Date; lines: ReturnableLine[] } | { ok: false; error: string; deadline: Date | null }

/**
 * Whether a return can be asked for on this order now, and for what: the one rule, used by the
 * order page (to offer the form) and by the request itself (to refuse it).
 */
export async function returnEligibility(order: { id: number; status: OrderStatus }, executor: Executor = db, now = new Date()): Promise<ReturnEligibility> {
  if (order.status === 'cancelled') return { ok: false, error: 'This order was cancelled, so there is nothing to return.', deadline: null }
  if (order.status === 'refunded') return { ok: false, error: 'This order has been refunded in full, so there is nothing left to return.', deadline: null }
  const delivered = order.status === 'delivered' || order.status === 'partially_refunded' ? await deliveredAt(order.id, executor) : null
  if (!delivered) return { ok: false, error: 'This order has not been delivered yet. You can ask for a return once it arrives.', deadline: null }
  const days = (await getStoreSettings(executor)).returnWindowDays
  if (days === 0) return { ok: false, error: 'This shop does not take returns. Contact us if something is wrong with your order.', deadline: null }
  const deadline = returnDeadline(delivered, days)
  if (!withinReturnWindow(delivered, days, now)) {
    return { ok: false, error: `The return window for this order closed on ${formatReturnDeadline(deadline)}, ${days} days after delivery.`, deadline }
  }
  const lines = await returnableLines(order.id, executor)
  if (lines.every((line) => line.returnable === 0)) return { ok: false, error: 'Every item of this order is already in a return.', deadline }
  return { ok: true, deliveredAt: delivered, deadline, lines }
}

/**
 * The most a return may refund: its lines' value (see lineRefundCents), never more than what the
 * refund service would still accept for the order. Null when the return does not exist.
 */
export async function returnableAmountCents(returnId: number, executor: Executor = db) {
  const [ret] = await executor
    .select({ orderId: returns.orderId, pricesIncludeTax: orders.pricesIncludeTax })
    .from(returns)
    .innerJoin(orders, eq(orders.id, returns.orderId))
    .where(eq(returns.id, returnId))
  if (!ret) return null
  const holding = sql.join(
    HOLDING_RETURN_STATUSES.map((status) => sql`${status}`),
    sql`, `,
  )
  const lines = await executor
    .select({
      units: returnItems.quantity,
      unitPriceCents: orderItems.unitPriceCents,
      quantity: orderItems.quantity,
      discountCents: orderItems.discountCents,
      taxCents: orderItems.taxCents,
      // Units of the line in earlier returns that still hold them: each return takes the next units' share.
      earlierUnits: sql<number>`(select coalesce(sum(ri.quantity), 0)::int from return_items ri join returns r on r.id = ri.return_id
        where ri.order_item_id = ${returnItems.orderItemId} and r.id < ${returnId} and r.status in (${holding}))`,
    })
    .from(returnItems)
    .innerJoin(orderItems, eq(orderItems.id, returnItems.orderItemId))
    .where(eq(returnItems.returnId, returnId))
  const linesCents = lines.reduce((sum, line) => sum + lineRefundCents(line, ret.pricesIncludeTax, line.earlierUnits, line.units), 0)
  const orderRefundableCents = (await refundableCents(ret.orderId, executor))?.refundableCents ?? 0
  return { orderId: ret.orderId, linesCents, orderRefundableCents, maxCents: Math.min(linesCents, orderRefundableCents) }
}

export type ReturnDetail = {
  id: number
  orderId: number
  status: ReturnStatus
  reason: ReturnReason
  note: string
  merchantMessage: string
  refundCents: number | null
  refundStartedAt: Date | null
  createdAt: Date
  currency: string
  orderEmail: string
  /** The order's items are already back in stock (a full refund with restock): receiving puts none back again. */
  orderStockReleased: boolean
  items: { id: number; orderItemId: number; productId: number; productSlug: string; name: string; unitPriceCents: number; quantity: number; bought: number; restock: boolean | null }[]
  events: { id: number; fromStatus: ReturnStatus | null; toStatus: ReturnStatus; actor: ReturnActor; note: string; createdAt: Date }[]
}

async function returnDetails(condition: ReturnType<typeof eq>, executor: Executor = db): Promise<ReturnDetail[]> {
  const heads = await executor
    .select({
      id: returns.id,
      orderId: returns.orderId,
      status: returns.status,
      reason: returns.reason,
      note: returns.note,
      merchantMessage: returns.merchantMessage,
      refundCents: returns.refundCents,
      refundStartedAt: returns.refundStartedAt,
      createdAt: returns.createdAt,
      currency: orders.currency,
      orderEmail: orders.email,
      orderStockReleased: sql<boolean>`${orders.stockReleasedAt} is not null`,
    })
    .from(returns)
    .innerJoin(orders, eq(orders.id, returns.orderId))
    .where(condition)
    .orderBy(asc(returns.id))
  if (heads.length === 0) return []
  const ids = heads.map((head) => head.id)
  const [items, events] = await Promise.all([
    executor
      .select({
        returnId: returnItems.returnId,
        id: returnItems.id,
        orderItemId: returnItems.orderItemId,
        productId: orderItems.productId,
        productSlug: orderItems.productSlug,
        name: orderItems.name,
        unitPriceCents: orderItems.unitPriceCents,
        quantity: returnItems.quantity,
        bought: orderItems.quantity,
        restock: returnItems.restock,
      })
      .from(returnItems)
      .innerJoin(orderItems, eq(orderItems.id, returnItems.orderItemId))
      .where(inArray(returnItems.returnId, ids))
      .orderBy(asc(returnItems.id)),
    executor
      .select({
        returnId: returnEvents.returnId,
        id: returnEvents.id,
        fromStatus: returnEvents.fromStatus,
        toStatus: returnEvents.toStatus,
        actor: returnEvents.actor,
        note: returnEvents.note,
        createdAt: returnEvents.createdAt,
      })
      .from(returnEvents)
      .where(inArray(returnEvents.returnId, ids))
      .orderBy(asc(returnEvents.id)),
  ])
  return heads.map((head) => ({
    ...head,
    items: items.filter((item) => item.returnId === head.id).map(({ returnId: _, ...item }) => item),
    events: events.filter((event) => event.returnId === head.id).map(({ returnId: _, ...event }) => event),
  }))
}

/** The returns of one order, oldest first (the shopper's order page). Call only after the order's access was checked. */
export function listReturnsForOrder(orderId: number) {
  return returnDetails(eq(returns.orderId, orderId))
}

/** For the back office and background work only: no owner check. */
export async function getReturnDetail(returnId: number, executor: Executor = db) {
  return (await returnDetails(eq(returns.id, returnId), executor))[0] ?? null
}

export const RETURNS_PAGE_SIZE = 50

/** The merchant's list, newest first, optionally of one status. */
export async function listAdminReturns(params: { status: ReturnStatus | 'all'; page: number }) {
  const where = params.status === 'all' ? undefined : eq(returns.status, params.status)
  const [rows, [total]] = await Promise.all([
    db
      .select({
        id: returns.id,
        orderId: returns.orderId,
        status: returns.status,
        reason: returns.reason,
        email: orders.email,
        createdAt: returns.createdAt,
        itemCount: sql<number>`(select coalesce(sum(ri.quantity), 0)::int from return_items ri where ri.return_id = "returns"."id")`,
      })
      .from(returns)
      .innerJoin(orders, eq(orders.id, returns.orderId))
      .where(where)
      .orderBy(desc(returns.createdAt), desc(returns.id))
      .limit(RETURNS_PAGE_SIZE)
      .offset((params.page - 1) * RETURNS_PAGE_SIZE),
    db.select({ value: count() }).from(returns).where(where),
  ])
  const totalCount = total?.value ?? 0
  return { rows, total: totalCount, pageCount: Math.max(1, Math.ceil(totalCount / RETURNS_PAGE_SIZE)) }
}

/** What an order page shows of returns: the order's returns, and whether (and for what) a new one can be asked. */
export async function orderReturnsView(order: { id: number; status: OrderStatus }) {
  const [list, eligibility] = await Promise.all([listReturnsForOrder(order.id), returnEligibility(order)])
  return { returns: list, eligibility }
}
export type OrderReturnsView = Awaited<ReturnType<typeof orderReturnsView>>
