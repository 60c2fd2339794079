import 'server-only'
import { and, asc, eq, gte, isNull, sql } from 'drizzle-orm'
import type { Executor } from '@/db/client'
import { orderItems, orders, products, stockMovements } from '@/db/schema'

export class OutOfStockError extends Error {
  constructor(readonly productId: number) {
    super(`Not enough stock for product ${productId}`)
  }
}

/**
 * Takes the quantities off the shelf for an order: one conditional decrement per product, in
 * product id order so concurrent checkouts never deadlock. Throws OutOfStockError (rolling the
 * caller's transaction back) when any product has too little left; stock can never go negative.
 */
export async function reserveStock(tx: Executor, orderId: number, lines: { productId: number; quantity: number }[]) {
  for (const line of [...lines].sort((a, b) => a.productId - b.productId)) {
    const [row] = await tx
      .update(products)
      .set({ stock: sql`${products.stock} - ${line.quantity}` })
      .where(and(eq(products.id, line.productId), eq(products.active, true), gte(products.stock, line.quantity)))
      .returning({ stock: products.stock })
    if (!row) throw new OutOfStockError(line.productId)
    await tx.insert(stockMovements).values({ productId: line.productId, delta: -line.quantity, stockAfter: row.stock, reason: 'reservation', orderId })
  }
}

/** Puts an order's items back in stock, once: later calls find `stock_released_at` set and do nothing. */
export async function releaseOrderStock(tx: Executor, orderId: number, reason: 'release' | 'restock', note = '') {
  const [claimed] = await tx
    .update(orders)
    .set({ stockReleasedAt: sql`now()` })
    .where(and(eq(orders.id, orderId), isNull(orders.stockReleasedAt)))
    .returning({ id: orders.id })
  if (!claimed) return false
  const items = await tx
    .select({ productId: orderItems.productId, quantity: sql<number>`sum(${orderItems.quantity})::int` })
    .from(orderItems)
    .where(eq(orderItems.orderId, orderId))
    .groupBy(orderItems.productId)
    .orderBy(asc(orderItems.productId))
  for (const item of items) {
    const [row] = await tx
      .update(products)
      .set({ stock: sql`${products.stock} + ${item.quantity}` })
      .where(eq(products.id, item.productId))
      .returning({ stock: products.stock })
    if (row) await tx.insert(stockMovements).values({ productId: item.productId, delta: item.quantity, stockAfter: row.stock, reason, orderId, note })
  }
  return true
}

/** The slugs of an order's products, for invalidating their cached pages after a stock change. */
export async function orderProductSlugs(tx: Executor, orderId: number) {
  const rows = await tx.selectDistinct({ slug: orderItems.productSlug }).from(orderItems).where(eq(orderItems.orderId, orderId))
  return rows.map((row) => row.slug)
}
