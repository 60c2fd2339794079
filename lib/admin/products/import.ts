import 'server-only'
import { and, eq, inArray, sql } from 'drizzle-orm'
import { db } from '@/db/client'
import { categories, productImages, products, productVariants } from '@/db/schema'
import type { AccountUser } from '@/lib/auth/users'
import { insertVariants, type NewVariant, refreshProductSummaries, removeVariants, replaceProductOptions, updateVariants } from '@/lib/catalog/variants'
import { setStockLevels } from '@/lib/inventory/stock'
import { recordAudit, type Tx } from '../audit'
import { CsvError, parseCsv } from '../csv/csv'
import { type CsvColumn, type CsvProduct, type CsvRowError, readHeader, readVariantRows, variantCsvColumns } from './variant-csv'
import { ARCHIVED_POSITION, combinationKey, suggestSku, variantTitle } from './variant-plan'

/** The columns of the product CSV (export writes the same ones, so an export can be edited and imported back). */
export const productCsvColumns = variantCsvColumns
export const MAX_IMPORT_ROWS = 20_000
/** Variants written per statement. */
const BATCH_VARIANTS = 1_000
const MAX_REPORTED_ERRORS = 200
const PREVIEW_PRODUCTS = 20

export type ImportRowError = CsvRowError
export type ImportPreviewProduct = {
  line: number
  action: 'create' | 'update'
  handle: string
  title: string
  category: string
  options: string[]
  variants: { line: number; title: string; sku: string | null; priceCents: number; stock: number | null }[]
  moreVariants: number
}
export type ImportReport = {
  rows: number
  valid: number
  products: number
  creates: number
  updates: number
  errorCount: number
  errors: ImportRowError[]
  preview: ImportPreviewProduct[]
  applied: boolean
}

type PlannedProduct = CsvProduct & { categoryId: number; categoryLabel: string; existingId: number | null }
export type ImportPlan = { columns: CsvColumn[]; products: PlannedProduct[]; report: ImportReport }

async function inChunks<T, R>(items: T[], size: number, run: (chunk: T[]) => Promise<R[]>) {
  const out: R[] = []
  for (let start = 0; start < items.length; start += size) out.push(...(await run(items.slice(start, start + size))))
  return out
}

/** Reads and checks the whole file without writing anything: the preview, and the first half of an import. */
export async function planProductImport(text: string): Promise<{ ok: true; plan: ImportPlan } | { ok: false; error: string }> {
  let records: string[][]
  try {
    records = parseCsv(text)
  } catch (error) {
    if (error instanceof CsvError) return { ok: false, error: error.message }
    throw error
  }
  const [header, ...body] = records
  if (!header) return { ok: false, error: `The file is empty. The first line must name the columns: ${variantCsvColumns.join(', ')}.` }
  const read = readHeader(header)
  if (!read.ok) return read
  if (body.length === 0) return { ok: false, error: 'The file has a header but no products.' }
  if (body.length > MAX_IMPORT_ROWS) return { ok: false, error: `The file has ${body.length.toLocaleString('en-US')} rows; import at most ${MAX_IMPORT_ROWS.toLocaleString('en-US')} at a time.` }
  const { products: parsed, errors } = readVariantRows(read.columns, body)

  const allCategories = await db.select({ id: categories.id, slug: categories.slug, name: categories.name }).from(categories)
  // A slug names one category for good (a rename keeps it); a name may since belong to another,
  // or to two: slugs are looked up first, and a name two categories share names neither.
  const categoryBySlug = new Map(allCategories.map((category) => [category.slug, { id: category.id, label: category.name }]))
  const categoryByName = new Map<string, { id: number; label: string } | 'ambiguous'>()
  for (const category of allCategories) {
    const name = category.name.toLowerCase()
    categoryByName.set(name, categoryByName.has(name) ? 'ambiguous' : { id: category.id, label: category.name })
  }
  const existing = new Map(
    (
      await inChunks(parsed, 5_000, (chunk) =>
        db
          .select({ id: products.id, slug: products.slug })
          .from(products)
          .where(
            inArray(
              products.slug,
              chunk.map((product) => product.handle),
            ),
          ),
      )
    ).map((row) => [row.slug, row.id]),
  )
  // A SKU may move between the variants of one product, but not take another product's.
  const skus = parsed.flatMap((product) => product.variants.flatMap((variant) => (variant.sku ? [variant.sku.toLowerCase()] : [])))
  const skuOwner = new Map(
    (
      await inChunks(skus, 5_000, (chunk) =>
        db
          .select({ sku: sql<string>`lower(${productVariants.sku})`, slug: products.slug })
          .from(productVariants)
          .innerJoin(products, eq(products.id, productVariants.productId))
          .where(inArray(sql`lower(${productVariants.sku})`, chunk)),
      )
    ).map((row) => [row.sku, row.slug]),
  )

  const planned: PlannedProduct[] = []
  for (const product of parsed) {
    const problems: CsvRowError[] = []
    const byName = categoryByName.get(product.category.toLowerCase())
    const category = categoryBySlug.get(product.category.toLowerCase()) ?? (byName === 'ambiguous' ? undefined : byName)
    if (!category) {
      const message =
        byName === 'ambiguous' ? `Two categories are called “${product.category}”: use the category’s slug instead.` : `Category “${product.category}” does not exist (use a category’s slug or name).`
      problems.push({ line: product.line, handle: product.handle, messages: [message] })
    }
    for (const variant of product.variants) {
      const owner = variant.sku ? skuOwner.get(variant.sku.toLowerCase()) : undefined
      if (owner !== undefined && owner !== product.handle)
        problems.push({ line: variant.line, handle: product.handle, messages: [`Variant SKU “${variant.sku}” belongs to another product (“${owner}”). Each variant needs its own SKU.`] })
    }
    if (problems.length > 0 || !category) {
      const bad = new Set(problems.map((problem) => problem.line))
      errors.push(...problems)
      for (const variant of product.variants)
        if (!bad.has(variant.line)) errors.push({ line: variant.line, handle: product.handle, messages: [`Not imported because another row of “${product.handle}” has an error.`] })
      continue
    }
    planned.push({ ...product, categoryId: category.id, categoryLabel: category.label, existingId: existing.get(product.handle) ?? null })
  }
  // One entry per line, however many checks it failed.
  const byLine = new Map<number, CsvRowError>()
  for (const error of errors.sort((a, b) => a.line - b.line)) {
    const seen = byLine.get(error.line)
    if (seen) seen.messages.push(...error.messages.filter((message) => !message.startsWith('Not imported because')))
    else byLine.set(error.line, { ...error, messages: [...error.messages] })
  }
  const rowErrors = [...byLine.values()].map((error) => {
    const own = error.messages.filter((message) => !message.startsWith('Not imported because'))
    return own.length > 0 ? { ...error, messages: own } : error
  })

  const updates = planned.filter((product) => product.existingId !== null).length
  return {
    ok: true,
    plan: {
      columns: read.columns.filter((column): column is CsvColumn => column !== null),
      products: planned,
      report: {
        rows: body.length,
        valid: planned.reduce((sum, product) => sum + product.variants.length, 0),
        products: planned.length,
        creates: planned.length - updates,
        updates,
        errorCount: rowErrors.length,
        errors: rowErrors.slice(0, MAX_REPORTED_ERRORS),
        preview: planned.slice(0, PREVIEW_PRODUCTS).map((product) => ({
          line: product.line,
          action: product.existingId === null ? 'create' : 'update',
          handle: product.handle,
          title: product.title,
          category: product.categoryLabel,
          options: product.options.map((option) => option.name),
          variants: product.variants
            .slice(0, 10)
            .map((variant) => ({ line: variant.line, title: variantTitle(variant.values), sku: variant.sku, priceCents: variant.priceCents, stock: variant.stock })),
          moreVariants: Math.max(0, product.variants.length - 10),
        })),
        applied: false,
      },
    },
  }
}

/** The lowest and highest price of the product's active rows (all rows when none is active), as the listing shows them. */
function priceRange(product: PlannedProduct) {
  const active = product.variants.filter((variant) => variant.active !== false)
  const prices = (active.length > 0 ? active : product.variants).map((variant) => variant.priceCents)
  return { priceCents: Math.min(...prices), maxPriceCents: Math.max(...prices) }
}

/** Products in batches of about BATCH_VARIANTS variants. */
function batches(items: PlannedProduct[]) {
  const out: PlannedProduct[][] = []
  let current: PlannedProduct[] = []
  let size = 0
  for (const product of items) {
    if (size + product.variants.length > BATCH_VARIANTS && current.length > 0) {
      out.push(current)
      current = []
      size = 0
    }
    current.push(product)
    size += product.variants.length
  }
  if (current.length > 0) out.push(current)
  return out
}

/**
 * Writes the valid products in one transaction, a batch of about a thousand variants at a time.
 * A product in the file is the whole product: its options become the file's, each row updates
 * the variant with its SKU (or else its option values) or creates one, and variants the file
 * leaves out are deleted, or archived when they have orders. Columns the file leaves out keep
 * their current values. Stock levels go through the inventory, which writes each change to the
 * stock history with the reason `import`.
 */
export async function applyProductImport(
  actor: Pick<AccountUser, 'id' | 'email'>,
  plan: ImportPlan,
): Promise<{ slugs: string[]; created: number; updated: number; variants: number; removed: number; unknownImages: number }> {
  const has = (column: CsvColumn) => plan.columns.includes(column)
  const set: Record<string, unknown> = {
    name: sql`excluded.name`,
    categoryId: sql`excluded.category_id`,
    updatedAt: sql`now()`,
  }
  if (has('Description')) set.description = sql`excluded.description`
  if (has('Active')) set.active = sql`excluded.active`
  if (has('Featured')) set.featured = sql`excluded.featured`

  return db.transaction(async (tx) => {
    let created = 0
    let updated = 0
    let removed = 0
    let unknownImages = 0
    for (const batch of batches(plan.products)) {
      const before = new Set(
        (
          await tx
            .select({ slug: products.slug })
            .from(products)
            .where(
              inArray(
                products.slug,
                batch.map((product) => product.handle),
              ),
            )
            .for('no key update')
        ).map((row) => row.slug),
      )
      const written = await tx
        .insert(products)
        .values(
          batch.map((product) => ({
            slug: product.handle,
            name: product.title,
            description: product.description ?? '',
            // A new product's price range from the file, so the refresh below need not rewrite the row (each rewrite re-indexes
            // its search text); an existing product's prices are left to that refresh, which knows its archived variants too.
            ...priceRange(product),
            stock: 0,
            categoryId: product.categoryId,
            active: product.active ?? true,
            featured: product.featured ?? false,
          })),
        )
        .onConflictDoUpdate({ target: products.slug, set })
        .returning({ id: products.id, slug: products.slug })
      const idBySlug = new Map(written.map((row) => [row.slug, row.id]))
      const productIds = written.map((row) => row.id)
      updated += before.size
      created += written.length - before.size

      await replaceProductOptions(
        tx,
        batch.flatMap((product) => {
          const productId = idBySlug.get(product.handle)
          return productId === undefined ? [] : [{ productId, options: product.options }]
        }),
      )

      const current = await tx
        .select({
          id: productVariants.id,
          productId: productVariants.productId,
          sku: productVariants.sku,
          option1: productVariants.option1,
          option2: productVariants.option2,
          option3: productVariants.option3,
          priceCents: productVariants.priceCents,
          compareAtCents: productVariants.compareAtCents,
          active: productVariants.active,
          weightGrams: productVariants.weightGrams,
          barcode: productVariants.barcode,
          imageId: productVariants.imageId,
          position: productVariants.position,
        })
        .from(productVariants)
        .where(inArray(productVariants.productId, productIds))
        .for('no key update')
      const images = await tx.select({ id: productImages.id, productId: productImages.productId, url: productImages.url }).from(productImages).where(inArray(productImages.productId, productIds))
      const imageByUrl = new Map(images.map((image) => [`${image.productId} ${image.url}`, image.id]))
      const taken = new Set(current.map((variant) => variant.sku.toLowerCase()))
      for (const product of batch) for (const variant of product.variants) if (variant.sku) taken.add(variant.sku.toLowerCase())
      // A SKU made up from a handle must be free in the whole shop, as the options editor's are:
      // another product may hold one from a slug it had before.
      const madeUpFrom = batch.filter((product) => product.variants.some((variant) => !variant.sku)).map((product) => `${product.handle.toLowerCase()}%`)
      if (madeUpFrom.length > 0) {
        const patterns = sql.join(
          madeUpFrom.map((pattern) => sql`${pattern}`),
          sql`, `,
        )
        const held = await tx
          .select({ sku: sql<string>`lower(${productVariants.sku})` })
          .from(productVariants)
          .where(sql`lower(${productVariants.sku}) like any (array[${patterns}])`)
        for (const row of held) taken.add(row.sku)
      }

      type Update = {
        id: number
        /** Its SKU or option values change: moved aside first, so two variants can swap theirs. */
        moves: boolean
        sku: string
        values: (string | null)[]
        priceCents: number
        compareAtCents: number | null
        active: boolean | null
        weightGrams: number | null | undefined
        barcode: string | null | undefined
        imageId: number | null | undefined
        position: number
      }
      const updates: Update[] = []
      const inserts: NewVariant[] = []
      const stockBySku = new Map<string, number>()
      const drop: { id: number }[] = []
      for (const product of batch) {
        const productId = idBySlug.get(product.handle)
        if (productId === undefined) continue
        const mine = current.filter((variant) => variant.productId === productId)
        const bySku = new Map(mine.map((variant) => [variant.sku.toLowerCase(), variant]))
        const byCombo = new Map(mine.map((variant) => [combinationKey([variant.option1, variant.option2, variant.option3]), variant]))
        const used = new Set<number>()
        product.variants.forEach((row, position) => {
          const match = [row.sku ? bySku.get(row.sku.toLowerCase()) : undefined, byCombo.get(combinationKey(row.values))].find((candidate) => candidate && !used.has(candidate.id))
          let imageId: number | null | undefined
          if (has('Image Src')) {
            imageId = row.imageSrc ? imageByUrl.get(`${productId} ${row.imageSrc}`) : null
            if (imageId === undefined) unknownImages++
          }
          const weightGrams = has('Variant Grams') ? row.weightGrams : undefined
          const barcode = has('Variant Barcode') ? row.barcode : undefined
          const sku = row.sku ?? match?.sku ?? suggestSku(product.handle, row.values, taken)
          if (row.stock !== null) stockBySku.set(sku.toLowerCase(), row.stock)
          if (match) {
            used.add(match.id)
            const moves = match.sku.toLowerCase() !== sku.toLowerCase() || combinationKey([match.option1, match.option2, match.option3]) !== combinationKey(row.values)
            const same =
              !moves &&
              match.sku === sku &&
              [match.option1, match.option2, match.option3].join('\u0000') === row.values.join('\u0000') &&
              match.priceCents === row.priceCents &&
              match.compareAtCents === row.compareAtCents &&
              (row.active === null || match.active === row.active) &&
              (weightGrams === undefined || match.weightGrams === weightGrams) &&
              (barcode === undefined || match.barcode === barcode) &&
              (imageId === undefined || match.imageId === imageId) &&
              match.position === position
            if (!same)
              updates.push({
                id: match.id,
                moves,
                sku,
                values: row.values,
                priceCents: row.priceCents,
                compareAtCents: row.compareAtCents,
                active: row.active,
                weightGrams,
                barcode,
                imageId,
                position,
              })
          } else {
            inserts.push({
              productId,
              sku,
              option1: row.values[0],
              option2: row.values[1],
              option3: row.values[2],
              priceCents: row.priceCents,
              compareAtCents: row.compareAtCents,
              active: row.active ?? true,
              weightGrams: weightGrams ?? null,
              barcode: barcode ?? null,
              imageId: imageId ?? null,
              position,
            })
          }
        })
        for (const variant of mine) if (!used.has(variant.id)) drop.push({ id: variant.id })
      }

      // Variants the file leaves out: deleted, or archived when ordered (they stay on their orders).
      await removeVariants(
        tx,
        drop.map((variant) => variant.id),
        ARCHIVED_POSITION,
      )
      removed += drop.length
      await updateVariants(
        tx,
        updates.map(({ values: [option1, option2, option3], ...update }) => ({ ...update, option1: option1 ?? null, option2: option2 ?? null, option3: option3 ?? null })),
      )
      await insertVariants(tx, inserts)

      if (stockBySku.size > 0) {
        const levels = await tx
          .select({ id: productVariants.id, sku: sql<string>`lower(${productVariants.sku})` })
          .from(productVariants)
          .where(and(inArray(productVariants.productId, productIds), inArray(sql`lower(${productVariants.sku})`, [...stockBySku.keys()])))
        await setStockLevels(
          tx,
          levels.map((level) => ({ variantId: level.id, stock: stockBySku.get(level.sku) ?? 0 })),
          'import',
          { note: 'CSV import', userId: actor.id },
        )
      }
      await refreshProductSummaries(tx as Tx, productIds)
    }
    const variants = plan.products.reduce((sum, product) => sum + product.variants.length, 0)
    // One entry for the whole import (a 10,000-row file would otherwise flood the log); it lists what changed.
    await recordAudit(tx, {
      actor,
      action: 'product.import',
      entityType: 'product',
      entityId: 'csv-import',
      before: null,
      after: { created, updated, variants, removedVariants: removed, skipped: plan.report.errorCount, columns: plan.columns, slugs: plan.products.map((product) => product.handle).slice(0, 1_000) },
    })
    return { slugs: plan.products.map((product) => product.handle), created, updated, variants, removed, unknownImages }
  })
}
