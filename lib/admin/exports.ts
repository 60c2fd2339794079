import 'server-only'
import { and, asc, eq, gt, gte, inArray, lt, sql } from 'drizzle-orm'
import { db } from '@/db/client'
import { categories, orders, productImages, productOptions, products, productVariants } from '@/db/schema'
import { toMajorUnitsString } from '@/lib/money'
import { csvLine, type CsvValue } from './csv/csv'
import { productCsvColumns } from './products/import'
import { variantCsvRows } from './products/variant-csv'
import type { OptionValues } from './products/variant-plan'

const BATCH = 1_000
/** Products per export batch (a few hundred products make about a thousand variant rows). */
const PRODUCT_BATCH = 250

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

/**
 * The same columns the import reads, one row per variant (Shopify's layout), so an export can be
 * edited in a spreadsheet and imported back. Batches of products by keyset, with their options,
 * variants and variant images.
 */
export function productsCsv() {
  return csvStream(productCsvColumns, async (afterId) => {
    const rows = await db
      .select({
        id: products.id,
        slug: products.slug,
        name: products.name,
        description: products.description,
        category: categories.slug,
        active: products.active,
        featured: products.featured,
      })
      .from(products)
      .innerJoin(categories, eq(categories.id, products.categoryId))
      .where(gt(products.id, afterId))
      .orderBy(asc(products.id))
      .limit(PRODUCT_BATCH)
    if (rows.length === 0) return []
    const ids = rows.map((row) => row.id)
    const [options, variants] = await Promise.all([
      db.select().from(productOptions).where(inArray(productOptions.productId, ids)).orderBy(asc(productOptions.productId), asc(productOptions.position)),
      db
        .select({
          productId: productVariants.productId,
          option1: productVariants.option1,
          option2: productVariants.option2,
          option3: productVariants.option3,
          sku: productVariants.sku,
          priceCents: productVariants.priceCents,
          compareAtCents: productVariants.compareAtCents,
          stock: productVariants.stock,
          active: productVariants.active,
          weightGrams: productVariants.weightGrams,
          barcode: productVariants.barcode,
          imageUrl: productImages.url,
        })
        .from(productVariants)
        .leftJoin(productImages, eq(productImages.id, productVariants.imageId))
        .where(inArray(productVariants.productId, ids))
        .orderBy(asc(productVariants.productId), asc(productVariants.position), asc(productVariants.id)),
    ])
    return rows.flatMap((row) => {
      const productOptionsOf = options.filter((option) => option.productId === row.id).map((option) => ({ name: option.name, values: option.values }))
      const lines = variantCsvRows({
        ...row,
        options: productOptionsOf,
        variants: inOptionOrder(
          productOptionsOf,
          variants.filter((variant) => variant.productId === row.id).map((variant) => ({ ...variant, values: [variant.option1, variant.option2, variant.option3] as OptionValues })),
        ),
      })
      // The keyset moves by product; every row of a product carries its id.
      return lines.map((cells) => ({ id: row.id, cells }))
    })
  })
}

/**
 * A product's variants as the file lists them, so that importing it gives the product back: only
 * those whose values fit today's options (an archived variant from before an option was removed
 * would read as a second variant with the same values), in the options' value order (the import
 * takes each option's values in the order the rows first name them).
 */
function inOptionOrder<V extends { values: OptionValues }>(options: { values: string[] }[], variants: V[]) {
  const rank = (variant: V) => variant.values.map((value, index) => (index < options.length ? (options[index]?.values.indexOf(value ?? '') ?? -1) : value === null ? 0 : -1))
  return variants
    .map((variant) => ({ variant, rank: rank(variant) }))
    .filter(({ rank }) => rank.every((position) => position >= 0))
    .sort((a, b) => a.rank.reduce((order, position, index) => order || position - (b.rank[index] ?? 0), 0))
    .map(({ variant }) => variant)
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
  'shipping_method',
  'note',
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
        shippingMethod: orders.shippingMethodName,
        note: orders.customerNote,
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
        row.shippingMethod ?? '',
        row.note ?? '',
      ],
    }))
  })
}
