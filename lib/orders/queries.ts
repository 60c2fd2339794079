import 'server-only'
import { and, asc, desc, eq, inArray, ne, sql } from 'drizzle-orm'
import { db, type Executor } from '@/db/client'
import { orderEvents, orderItems, orders, products, promotionRedemptions, promotions, refunds } from '@/db/schema'
import type { ShippingAddress } from '@/db/schema/orders'
import type { PaymentProviderName } from '@/lib/payments/types'
import { COMMITTED_REFUND_STATUSES, type OrderActor, type OrderStatus, PAID_STATUSES, type PaymentState, refundableAmount } from './status'

/** PAID_STATUSES as an SQL list, for `status in (…)` in hand-written queries (constants only, never input). */
export const paidStatusesSql = sql.raw(PAID_STATUSES.map((status) => `'${status}'`).join(', '))

export type OrderSummary = {
  id: number
  status: OrderStatus
  paymentState: PaymentState
  currency: string
  totalCents: number
  refundedCents: number
  itemCount: number
  createdAt: Date
}

export type OrderDetail = OrderSummary & {
  accessKey: string
  userId: string | null
  email: string
  provider: PaymentProviderName
  checkoutSessionId: string | null
  paymentIntentId: string | null
  subtotalCents: number
  discountCents: number
  shippingCents: number
  shippingDiscountCents: number
  shippingMethodName: string
  destinationCountry: string | null
  destinationRegion: string
  taxCents: number
  taxMode: 'none' | 'table' | 'stripe'
  pricesIncludeTax: boolean
  taxName: string | null
  customerNote: string | null
  shippingAddress: ShippingAddress | null
  shippingCarrier: string | null
  trackingNumber: string | null
  expiresAt: Date
  paidAt: Date | null
  /** discountCents: what promotions took off the line; the line was paid unitPriceCents × quantity − discountCents. */
  items: { productId: number; variantId: number; productSlug: string; name: string; sku: string; variantTitle: string; unitPriceCents: number; quantity: number; discountCents: number }[]
  /** The promotions the order used, with what each took off the items and shipping. */
  promotions: { promotionId: number; code: string | null; name: string; discountCents: number; shippingDiscountCents: number }[]
  events: { id: number; fromStatus: OrderStatus | null; toStatus: OrderStatus; actor: OrderActor; note: string; createdAt: Date }[]
  refunds: { id: number; amountCents: number; taxCents: number; status: 'pending' | 'succeeded' | 'failed' | 'canceled'; restock: boolean; reason: string; createdAt: Date }[]
}

/** Order numbers as shoppers see them. */
export function orderNumber(id: number) {
  return `#${id}`
}

const summaryColumns = {
  id: orders.id,
  status: orders.status,
  paymentState: orders.paymentState,
  currency: orders.currency,
  totalCents: orders.totalCents,
  refundedCents: orders.refundedCents,
  itemCount: sql<number>`(select coalesce(sum(oi.quantity), 0)::int from order_items oi where oi.order_id = "orders"."id")`,
  createdAt: orders.createdAt,
}

async function orderDetailWhere(condition: ReturnType<typeof and>): Promise<OrderDetail | null> {
  const [order] = await db
    .select({
      ...summaryColumns,
      accessKey: orders.accessKey,
      userId: orders.userId,
      email: orders.email,
      provider: orders.provider,
      checkoutSessionId: orders.checkoutSessionId,
      paymentIntentId: orders.paymentIntentId,
      subtotalCents: orders.subtotalCents,
      discountCents: orders.discountCents,
      shippingCents: orders.shippingCents,
      shippingDiscountCents: orders.shippingDiscountCents,
      shippingMethodName: orders.shippingMethodName,
      destinationCountry: orders.destinationCountry,
      destinationRegion: orders.destinationRegion,
      taxCents: orders.taxCents,
      taxMode: orders.taxMode,
      pricesIncludeTax: orders.pricesIncludeTax,
      taxName: orders.taxName,
      customerNote: orders.customerNote,
      shippingAddress: orders.shippingAddress,
      shippingCarrier: orders.shippingCarrier,
      trackingNumber: orders.trackingNumber,
      expiresAt: orders.expiresAt,
      paidAt: orders.paidAt,
    })
    .from(orders)
    .where(condition)
    .limit(1)
  if (!order) return null
  const [items, events, orderRefunds, orderPromotions] = await Promise.all([
    db
      .select({
        productId: orderItems.productId,
        variantId: orderItems.variantId,
        productSlug: orderItems.productSlug,
        name: orderItems.name,
        sku: orderItems.sku,
        variantTitle: orderItems.variantTitle,
        unitPriceCents: orderItems.unitPriceCents,
        quantity: orderItems.quantity,
        discountCents: orderItems.discountCents,
      })
      .from(orderItems)
      .where(eq(orderItems.orderId, order.id))
      .orderBy(asc(orderItems.id)),
    db
      .select({
        id: orderEvents.id,
        fromStatus: orderEvents.fromStatus,
        toStatus: orderEvents.toStatus,
        actor: orderEvents.actor,
        note: orderEvents.note,
        createdAt: orderEvents.createdAt,
      })
      .from(orderEvents)
      .where(eq(orderEvents.orderId, order.id))
      .orderBy(asc(orderEvents.id)),
    db
      .select({
        id: refunds.id,
        amountCents: refunds.amountCents,
        taxCents: refunds.taxCents,
        status: refunds.status,
        restock: refunds.restock,
        reason: refunds.reason,
        createdAt: refunds.createdAt,
      })
      .from(refunds)
      .where(eq(refunds.orderId, order.id))
      .orderBy(asc(refunds.id)),
    db
      .select({
        promotionId: promotionRedemptions.promotionId,
        code: promotionRedemptions.code,
        name: promotions.name,
        discountCents: promotionRedemptions.discountCents,
        shippingDiscountCents: promotionRedemptions.shippingDiscountCents,
      })
      .from(promotionRedemptions)
      .innerJoin(promotions, eq(promotions.id, promotionRedemptions.promotionId))
      .where(eq(promotionRedemptions.orderId, order.id))
      .orderBy(asc(promotionRedemptions.id)),
  ])
  return { ...order, items, events, refunds: orderRefunds, promotions: orderPromotions }
}

/** For the back office and background work only: no owner check. */
export function getOrderDetail(orderId: number) {
  return orderDetailWhere(eq(orders.id, orderId))
}

/** A signed-in shopper's own order; someone else's order is simply not found. */
export function getOrderForUser(userId: string, orderId: number) {
  return orderDetailWhere(and(eq(orders.id, orderId), eq(orders.userId, userId)))
}

/** A guest's view of an order, opened with the key from the success page, the email or the lookup form. */
export function getOrderByAccessKey(orderId: number, accessKey: string) {
  return orderDetailWhere(and(eq(orders.id, orderId), eq(orders.accessKey, accessKey)))
}

export function getOrderByCheckoutSession(sessionId: string) {
  return orderDetailWhere(eq(orders.checkoutSessionId, sessionId))
}

/**
 * A shopper's order history: orders they paid for or are paying (an async method still
 * processing, or one that failed). Checkout attempts never paid (a declined card, a payment page
 * left, an attempt replaced or expired) are not orders to the shopper and stay out of the list.
 */
export async function listOrdersForUser(userId: string, limit = 50): Promise<OrderSummary[]> {
  return db
    .select(summaryColumns)
    .from(orders)
    .where(and(eq(orders.userId, userId), ne(orders.paymentState, 'unpaid')))
    .orderBy(desc(orders.createdAt), desc(orders.id))
    .limit(limit)
}

/** Number + email, as a guest types them; the email is compared case-insensitively. */
export async function findOrderForLookup(orderId: number, email: string) {
  const [order] = await db
    .select({ id: orders.id, accessKey: orders.accessKey })
    .from(orders)
    .where(and(eq(orders.id, orderId), eq(sql`lower(${orders.email})`, email.toLowerCase())))
    .limit(1)
  return order ?? null
}

/** The path a guest can open an order at (also the link in order emails). */
export function guestOrderPath(order: { id: number; accessKey: string }) {
  return `/orders/${order.id}?key=${encodeURIComponent(order.accessKey)}`
}

/**
 * What can still be refunded on an order (see `refundableAmount`), with the figures behind it.
 * Null when the order does not exist. Inside a transaction, lock the order first so concurrent
 * refunds see each other's rows.
 */
export async function refundableCents(orderId: number, executor: Executor = db) {
  const [order] = await executor.select({ status: orders.status, paymentState: orders.paymentState, totalCents: orders.totalCents }).from(orders).where(eq(orders.id, orderId))
  if (!order) return null
  const [committed] = await executor
    .select({ total: sql<number>`coalesce(sum(${refunds.amountCents}), 0)::int` })
    .from(refunds)
    .where(and(eq(refunds.orderId, orderId), inArray(refunds.status, [...COMMITTED_REFUND_STATUSES])))
  const committedCents = committed?.total ?? 0
  return { totalCents: order.totalCents, committedCents, refundableCents: refundableAmount(order, committedCents) }
}

/**
 * The products an order's released stock went back to: their slugs (their pages show stock), and
 * whether any of them had none left before, so its cards said "Sold out" and must change. Asked in
 * the transaction that put the stock back, which holds those products' rows, so no other change
 * to their stock falls in between. It takes the order's whole quantity as put back (part of it may
 * have gone back earlier, with a return), so it can only err towards yes.
 */
export async function releasedProducts(tx: Executor, orderId: number): Promise<{ slugs: string[]; backOnSale: boolean }> {
  const rows = await tx
    .select({ slug: orderItems.productSlug, quantity: sql<number>`sum(${orderItems.quantity})::int`, stock: sql<number | null>`max(${products.stock})` })
    .from(orderItems)
    .leftJoin(products, eq(products.id, orderItems.productId))
    .where(eq(orderItems.orderId, orderId))
    .groupBy(orderItems.productSlug)
  return { slugs: rows.map((row) => row.slug), backOnSale: rows.some((row) => row.stock !== null && row.stock > 0 && row.stock - row.quantity <= 0) }
}

/**
 * Whether an order page would show this order: the shopper's own, a guest's opened with its key,
 * or any order for the admin. One indexed lookup, for proxy.ts to answer 404 before the page
 * starts streaming.
 */
export async function orderIsVisible(orderId: number, viewer: { userId: string } | { accessKey: string } | { admin: true }) {
  const owner = 'userId' in viewer ? eq(orders.userId, viewer.userId) : 'accessKey' in viewer ? eq(orders.accessKey, viewer.accessKey) : undefined
  const [order] = await db
    .select({ id: orders.id })
    .from(orders)
    .where(and(eq(orders.id, orderId), owner))
    .limit(1)
  return order !== undefined
}
