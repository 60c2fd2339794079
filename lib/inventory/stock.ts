import 'server-only'
import { and, eq, gte, inArray, sql } from 'drizzle-orm'
import type { Executor } from '@/db/client'
import { products, stockMovements } from '@/db/schema'
import { notifyBackInStock } from '@/lib/stock-alerts/alerts'

/**
 * The inventory: the only writer of `products.stock` and `stock_movements`. Every change goes
 * through one of these functions, in the caller's transaction, and leaves a movement with its
 * reason, so a product's history always adds up to its stock.
 */
export type StockReason = (typeof stockMovements.$inferInsert)['reason']
type Movement = { note?: string; orderId?: number | null; userId?: string | null }

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

/** Puts quantities back on the shelf (a released reservation, a refund's restock), in product id order. */
export async function returnStock(tx: Executor, items: { productId: number; quantity: number }[], reason: 'release' | 'restock', movement: Movement = {}) {
  const levels: StockChange[] = []
  for (const item of [...items].sort((a, b) => a.productId - b.productId)) {
    if (item.quantity <= 0) continue
    const [row] = await tx
      .update(products)
      .set({ stock: sql`${products.stock} + ${item.quantity}` })
      .where(eq(products.id, item.productId))
      .returning({ stock: products.stock })
    if (!row) continue
    await tx.insert(stockMovements).values({ productId: item.productId, delta: item.quantity, stockAfter: row.stock, reason, ...movementColumns(movement) })
    levels.push({ productId: item.productId, before: row.stock - item.quantity, after: row.stock })
  }
  await afterStockChange(tx, levels)
}

/**
 * Changes one product's stock by `delta` (a merchant's count, an opening stock). The update is
 * conditional, so two concurrent removals can never take stock below zero: null when it would,
 * or when the product does not exist.
 */
export async function adjustStock(tx: Executor, input: { productId: number; delta: number; reason: 'adjustment' | 'restock' } & Movement) {
  const [row] = await tx
    .update(products)
    .set({ stock: sql`${products.stock} + ${input.delta}` })
    .where(and(eq(products.id, input.productId), sql`${products.stock} + ${input.delta} >= 0`))
    .returning({ stock: products.stock })
  if (!row) return null
  await tx.insert(stockMovements).values({ productId: input.productId, delta: input.delta, stockAfter: row.stock, reason: input.reason, ...movementColumns(input) })
  await afterStockChange(tx, [{ productId: input.productId, before: row.stock - input.delta, after: row.stock }])
  return { stock: row.stock }
}

/**
 * Sets products' stock to absolute levels (a CSV import), one statement for the batch, and writes
 * a movement for each level that changed, with the difference. Locks the rows first, so the
 * difference is against what was really there.
 */
export async function setStockLevels(tx: Executor, levels: { productId: number; stock: number }[], reason: 'import', movement: Movement = {}) {
  if (levels.length === 0) return 0
  const current = new Map(
    (
      await tx
        .select({ id: products.id, stock: products.stock })
        .from(products)
        .where(
          inArray(
            products.id,
            levels.map((level) => level.productId),
          ),
        )
        .orderBy(products.id)
        .for('update')
    ).map((row) => [row.id, row.stock]),
  )
  const changed = levels.filter((level) => current.has(level.productId) && current.get(level.productId) !== level.stock)
  if (changed.length === 0) return 0
  const values = sql.join(
    changed.map((level) => sql`(${level.productId}::int, ${level.stock}::int)`),
    sql`, `,
  )
  await tx.execute(sql`update products set stock = v.stock from (values ${values}) as v(id, stock) where products.id = v.id`)
  await tx
    .insert(stockMovements)
    .values(changed.map((level) => ({ productId: level.productId, delta: level.stock - (current.get(level.productId) ?? 0), stockAfter: level.stock, reason, ...movementColumns(movement) })))
  await afterStockChange(
    tx,
    changed.map((level) => ({ productId: level.productId, before: current.get(level.productId) ?? 0, after: level.stock })),
  )
  return changed.length
}

type StockChange = { productId: number; before: number; after: number }

/**
 * The one place every stock change passes after it is written: an item going from sold out to
 * available tells its back-in-stock subscribers (jobs in this same transaction).
 */
async function afterStockChange(tx: Executor, changes: StockChange[]) {
  const restocked = changes.filter((change) => change.before <= 0 && change.after > 0).map((change) => change.productId)
  if (restocked.length > 0) await notifyBackInStock(tx, restocked)
}

function movementColumns(movement: Movement) {
  return { note: movement.note ?? '', orderId: movement.orderId ?? null, userId: movement.userId ?? null }
}
