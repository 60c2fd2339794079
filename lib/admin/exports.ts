import 'server-only'
import { and, asc, eq, gt, gte, lt, sql } from 'drizzle-orm'
import { db } from '@/db/client'
import { categories, orders, products } from '@/db/schema'
import { toMajorUnitsString } from '@/lib/money'
import { csvLine, type CsvValue } from './csv/csv'
import { productCsvColumns } from './products/import'

const BATCH = 1_000

/** Streams CSV in batches read by keyset (id > last), so a large catalog never sits in memory at once. */
function csvStream(header: readonly string[], nextBatch: (afterId: number) => Promise<{ id: number; cells: CsvValue[] }[]>) {
  const encoder = new TextEncoder()
  let afterId = 0
  let started = false
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true
        controller.enqueue(encoder.encode(`\ufeff${csvLine([...header])}`))
        return
      }
      const rows = await nextBatch(afterId)
      if (rows.length === 0) {
        controller.close()
        return
      }
      afterId = rows[rows.length - 1]?.id ?? afterId
      controller.enqueue(encoder.encode(rows.map((row) => csvLine(row.cells)).join('')))
    },
  })
}

/** The same columns the import reads, so an export can be edited in a spreadsheet and imported back. */
export function productsCsv() {
  return csvStream(productCsvColumns, async (afterId) => {
    const rows = await db
      .select({
        id: products.id,
        slug: products.slug,
        name: products.name,
        description: products.description,
        priceCents: products.priceCents,
        stock: products.stock,
        category: categories.slug,
        active: products.active,
        featured: products.featured,
      })
      .from(products)
      .innerJoin(categories, eq(categories.id, products.categoryId))
      .where(gt(products.id, afterId))
      .orderBy(asc(products.id))
      .limit(BATCH)
    return rows.map((row) => ({
      id: row.id,
      cells: [row.slug, row.name, row.description, toMajorUnitsString(row.priceCents), row.stock, row.category, row.active, row.featured],
    }))
  })
}

export const orderCsvColumns = [
  'order',
  'created_at',
  'paid_at',
  'status',
  'email',
  'currency',
  'items',
  'subtotal',
  'shipping',
  'total',
  'refunded',
  'carrier',
  'tracking_number',
  'discount',
  'tax',
] as const

/** Orders created in [from, to) (UTC), oldest first. */
export function ordersCsv(from: Date, to: Date) {
  return csvStream(orderCsvColumns, async (afterId) => {
    const rows = await db
      .select({
        id: orders.id,
        createdAt: orders.createdAt,
        paidAt: orders.paidAt,
        status: orders.status,
        email: orders.email,
        currency: orders.currency,
        items: sql<number>`(select coalesce(sum(oi.quantity), 0)::int from order_items oi where oi.order_id = "orders"."id")`,
        subtotalCents: orders.subtotalCents,
        shippingCents: orders.shippingCents,
        totalCents: orders.totalCents,
        refundedCents: orders.refundedCents,
        discountCents: sql<number>`(${orders.discountCents} + ${orders.shippingDiscountCents})`.mapWith(Number),
        taxCents: orders.taxCents,
        carrier: orders.shippingCarrier,
        trackingNumber: orders.trackingNumber,
      })
      .from(orders)
      .where(and(gte(orders.createdAt, from), lt(orders.createdAt, to), gt(orders.id, afterId)))
      .orderBy(asc(orders.id))
      .limit(BATCH)
    return rows.map((row) => ({
      id: row.id,
      cells: [
        row.id,
        row.createdAt.toISOString(),
        row.paidAt?.toISOString() ?? '',
        row.status,
        row.email,
        row.currency,
        row.items,
        toMajorUnitsString(row.subtotalCents),
        toMajorUnitsString(row.shippingCents),
        toMajorUnitsString(row.totalCents),
        toMajorUnitsString(row.refundedCents),
        row.carrier ?? '',
        row.trackingNumber ?? '',
        // Promotions' discount on items and shipping: subtotal − discount + shipping (+ tax when prices exclude it) = total.
        toMajorUnitsString(row.discountCents),
        toMajorUnitsString(row.taxCents),
      ],
    }))
  })
}
