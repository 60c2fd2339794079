import 'server-only'
import { and, asc, eq, gte, inArray, lte, sql } from 'drizzle-orm'
import type { Executor } from '@/db/client'
import { productVariants, products, stockMovements } from '@/db/schema'
import { refreshProductSummaries } from '@/lib/catalog/variants'
import { notifyBackInStock } from '@/lib/stock-alerts/alerts'

/**
 * The inventory: the only writer of `product_variants.stock` and `stock_movements`. Every change
 * goes through one of these functions, in the caller's transaction, and leaves a movement with its
 * reason, so a variant's history always adds up to its stock. Each change also refreshes the
 * product's derived stock and prices (lib/catalog/variants.ts) in the same transaction.
 */
export type StockReason = (typeof stockMovements.$inferInsert)['reason']
type Movement = { note?: string; orderId?: number | null; userId?: string | null }

/** One variant's stock level before and after a change: what stockChanged sees. */
export type StockChange = { variantId: number; productId: number; before: number; after: number }

export class OutOfStockError extends Error {
  constructor(readonly variantId: number) {
    super(`Not enough stock for variant ${variantId}`)
  }
}

/**
 * Every change ends here: the products' derived fields are refreshed, and a variant that went
 * from sold out to available tells its back-in-stock subscribers (one job each, in this same
 * transaction, so nobody hears of stock that was rolled back).
 */
async function stockChanged(tx: Executor, changes: StockChange[]) {
  if (changes.length === 0) return
  await refreshProductSummaries(
    tx,
    changes.map((change) => change.productId),
  )
  const restocked = changes.filter((change) => change.before <= 0 && change.after > 0).map((change) => change.variantId)
  if (restocked.length > 0) await notifyBackInStock(tx, restocked)
}

/**
 * Takes the quantities off the shelf for an order: one conditional decrement per variant, in
 * variant id order so concurrent checkouts never deadlock. Throws OutOfStockError (rolling the
 * caller's transaction back) when any variant has too little left, is archived, or belongs to a
 * product no longer sold; stock can never go negative. Says whether this sold a product out
 * (none of its variants has any left), so that its cards must now say so.
 */
export async function reserveStock(tx: Executor, orderId: number, lines: { variantId: number; quantity: number }[]): Promise<{ soldOut: boolean }> {
  const changes: StockChange[] = []
  for (const line of merged(lines)) {
    const [row] = await tx
      .update(productVariants)
      .set({ stock: sql`${productVariants.stock} - ${line.quantity}` })
      .where(
        and(
          eq(productVariants.id, line.variantId),
          eq(productVariants.active, true),
          gte(productVariants.stock, line.quantity),
          sql`exists (select 1 from ${products} where ${products.id} = ${productVariants.productId} and ${products.active})`,
        ),
      )
      .returning({ stock: productVariants.stock, productId: productVariants.productId })
    if (!row) throw new OutOfStockError(line.variantId)
    await tx.insert(stockMovements).values({ productId: row.productId, variantId: line.variantId, delta: -line.quantity, stockAfter: row.stock, reason: 'reservation', orderId })
    changes.push({ variantId: line.variantId, productId: row.productId, before: row.stock + line.quantity, after: row.stock })
  }
  await stockChanged(tx, changes)
  if (changes.length === 0) return { soldOut: false }
  const [soldOut] = await tx
    .select({ id: products.id })
    .from(products)
    .where(
      and(
        inArray(
          products.id,
          changes.map((change) => change.productId),
        ),
        lte(products.stock, 0),
      ),
    )
    .limit(1)
  return { soldOut: soldOut !== undefined }
}

/** The products stock went back to: their slugs, and whether any had none left before, so its cards said "Sold out". */
export type StockReturned = { slugs: string[]; backOnSale: boolean }

/** Puts quantities back on the shelf (a released reservation, a refund's or a return's restock), in variant id order. */
export async function returnStock(tx: Executor, items: { variantId: number; quantity: number }[], reason: 'release' | 'restock', movement: Movement = {}): Promise<StockReturned> {
  const changes: StockChange[] = []
  for (const item of merged(items)) {
    if (item.quantity <= 0) continue
    const [row] = await tx
      .update(productVariants)
      .set({ stock: sql`${productVariants.stock} + ${item.quantity}` })
      .where(eq(productVariants.id, item.variantId))
      .returning({ stock: productVariants.stock, productId: productVariants.productId })
    if (!row) continue
    await tx.insert(stockMovements).values({ productId: row.productId, variantId: item.variantId, delta: item.quantity, stockAfter: row.stock, reason, ...movementColumns(movement) })
    changes.push({ variantId: item.variantId, productId: row.productId, before: row.stock - item.quantity, after: row.stock })
  }
  await stockChanged(tx, changes)
  if (changes.length === 0) return { slugs: [], backOnSale: false }
  const returned = new Map<number, number>()
  for (const change of changes) returned.set(change.productId, (returned.get(change.productId) ?? 0) + change.after - change.before)
  // Read after stockChanged refreshed the products' stock (the sum over their variants on sale).
  const rows = await tx
    .select({ id: products.id, slug: products.slug, stock: products.stock })
    .from(products)
    .where(inArray(products.id, [...returned.keys()]))
  return { slugs: rows.map((row) => row.slug), backOnSale: rows.some((row) => row.stock > 0 && row.stock - (returned.get(row.id) ?? 0) <= 0) }
}

/**
 * Changes one variant's stock by `delta` (a merchant's count, an opening stock). The update is
 * conditional, so two concurrent removals can never take stock below zero: null when it would,
 * or when the variant does not exist.
 */
export async function adjustStock(tx: Executor, input: { variantId: number; delta: number; reason: 'adjustment' | 'restock' } & Movement) {
  const [row] = await tx
    .update(productVariants)
    .set({ stock: sql`${productVariants.stock} + ${input.delta}` })
    .where(and(eq(productVariants.id, input.variantId), sql`${productVariants.stock} + ${input.delta} >= 0`))
    .returning({ stock: productVariants.stock, productId: productVariants.productId })
  if (!row) return null
  await tx.insert(stockMovements).values({ productId: row.productId, variantId: input.variantId, delta: input.delta, stockAfter: row.stock, reason: input.reason, ...movementColumns(input) })
  await stockChanged(tx, [{ variantId: input.variantId, productId: row.productId, before: row.stock - input.delta, after: row.stock }])
  return { stock: row.stock, productId: row.productId }
}

/**
 * Sets variants' stock to absolute levels (a CSV import), one statement for the batch, and writes
 * a movement for each level that changed, with the difference. Locks the rows first, so the
 * difference is against what was really there. Returns how many levels changed.
 */
export async function setStockLevels(tx: Executor, levels: { variantId: number; stock: number }[], reason: 'import', movement: Movement = {}) {
  if (levels.length === 0) return 0
  const current = new Map(
    (
      await tx
        .select({ id: productVariants.id, productId: productVariants.productId, stock: productVariants.stock })
        .from(productVariants)
        .where(
          inArray(
            productVariants.id,
            levels.map((level) => level.variantId),
          ),
        )
        .orderBy(asc(productVariants.id))
        .for('update')
    ).map((row) => [row.id, row]),
  )
  const changes: StockChange[] = levels.flatMap((level) => {
    const row = current.get(level.variantId)
    return row && row.stock !== level.stock ? [{ variantId: level.variantId, productId: row.productId, before: row.stock, after: level.stock }] : []
  })
  if (changes.length === 0) return 0
  const values = sql.join(
    changes.map((change) => sql`(${change.variantId}::int, ${change.after}::int)`),
    sql`, `,
  )
  await tx.execute(sql`update product_variants set stock = v.stock from (values ${values}) as v(id, stock) where product_variants.id = v.id`)
  await tx
    .insert(stockMovements)
    .values(
      changes.map((change) => ({ productId: change.productId, variantId: change.variantId, delta: change.after - change.before, stockAfter: change.after, reason, ...movementColumns(movement) })),
    )
  await stockChanged(tx, changes)
  return changes.length
}

/** One line per variant (quantities added), in variant id order. */
function merged(lines: { variantId: number; quantity: number }[]) {
  const byVariant = new Map<number, number>()
  for (const line of lines) byVariant.set(line.variantId, (byVariant.get(line.variantId) ?? 0) + line.quantity)
  return [...byVariant.entries()].sort(([a], [b]) => a - b).map(([variantId, quantity]) => ({ variantId, quantity }))
}

function movementColumns(movement: Movement) {
  return { note: movement.note ?? '', orderId: movement.orderId ?? null, userId: movement.userId ?? null }
}
