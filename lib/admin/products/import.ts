import 'server-only'
import { and, inArray, isNull, sql } from 'drizzle-orm'
import { z } from 'zod'
import { db } from '@/db/client'
import { categories, productVariants, products } from '@/db/schema'
import type { AccountUser } from '@/lib/auth/users'
import { createDefaultVariants, setDefaultVariantPrices } from '@/lib/catalog/variants'
import { setStockLevels } from '@/lib/inventory/stock'
import { recordAudit } from '../audit'
import { CsvError, parseCsv, unprotectCell } from '../csv/csv'
import { slugPattern } from '../slug'
import { priceSchema } from './validation'

/** The columns of the product CSV (export writes the same ones, so an export can be edited and imported back). */
export const productCsvColumns = ['slug', 'name', 'description', 'price', 'stock', 'category', 'active', 'featured'] as const
type Column = (typeof productCsvColumns)[number]
const requiredColumns: Column[] = ['slug', 'name', 'price', 'category']
export const MAX_IMPORT_ROWS = 20_000
const BATCH_SIZE = 1_000
const MAX_REPORTED_ERRORS = 200

export type ImportRowError = { line: number; slug: string; messages: string[] }
export type ImportPreviewRow = { line: number; action: 'create' | 'update'; slug: string; name: string; priceCents: number; stock: number | null; category: string }
export type ImportReport = {
  rows: number
  valid: number
  creates: number
  updates: number
  errorCount: number
  errors: ImportRowError[]
  preview: ImportPreviewRow[]
  applied: boolean
}

const yesNo = (fallback: boolean) =>
  z
    .string()
    .trim()
    .toLowerCase()
    .transform((value, ctx) => {
      if (value === '') return fallback
      if (['true', 'yes', 'y', '1'].includes(value)) return true
      if (['false', 'no', 'n', '0'].includes(value)) return false
      ctx.addIssue({ code: 'custom', message: `“${value}” is not yes or no (use true/false, yes/no or 1/0).` })
      return z.NEVER
    })

const rowSchema = z.object({
  slug: z.string().trim().toLowerCase().min(1, 'slug is empty.').max(80, 'slug is longer than 80 characters.').regex(slugPattern, 'slug may hold only lowercase letters, digits and single hyphens.'),
  name: z.string().trim().min(1, 'name is empty.').max(200, 'name is longer than 200 characters.'),
  description: z.string().trim().max(10_000, 'description is longer than 10,000 characters.').optional(),
  price: priceSchema.refine((cents) => cents >= 0, 'price cannot be negative.'),
  stock: z
    .string()
    .trim()
    .regex(/^\d{1,7}$/, 'stock must be a whole number, 0 or more.')
    .transform(Number)
    .optional(),
  category: z.string().trim().min(1, 'category is empty.'),
  active: yesNo(true).optional(),
  featured: yesNo(false).optional(),
})
type ValidRow = { line: number; slug: string; name: string; description?: string; priceCents: number; stock?: number; categoryId: number; categoryLabel: string; active?: boolean; featured?: boolean }

export type ImportPlan = { columns: Column[]; rows: ValidRow[]; existing: Map<string, number>; report: ImportReport }

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
  if (!header) return { ok: false, error: 'The file is empty. The first line must name the columns: slug, name, price, category (and optionally description, stock, active, featured).' }
  const columns = header.map((name) => name.trim().toLowerCase())
  const unknown = columns.filter((name) => !(productCsvColumns as readonly string[]).includes(name))
  if (unknown.length > 0)
    return { ok: false, error: `Unknown column${unknown.length > 1 ? 's' : ''}: ${unknown.map((name) => `“${name}”`).join(', ')}. The columns are: ${productCsvColumns.join(', ')}.` }
  const missing = requiredColumns.filter((name) => !columns.includes(name))
  if (missing.length > 0) return { ok: false, error: `Missing column${missing.length > 1 ? 's' : ''}: ${missing.join(', ')}. Every file needs slug, name, price and category.` }
  const repeated = columns.filter((name, index) => columns.indexOf(name) !== index)
  if (repeated.length > 0) return { ok: false, error: `The column “${repeated[0]}” appears twice.` }
  if (body.length === 0) return { ok: false, error: 'The file has a header but no products.' }
  if (body.length > MAX_IMPORT_ROWS) return { ok: false, error: `The file has ${body.length.toLocaleString('en-US')} products; import at most ${MAX_IMPORT_ROWS.toLocaleString('en-US')} at a time.` }

  const allCategories = await db.select({ id: categories.id, slug: categories.slug, name: categories.name }).from(categories)
  const categoryByKey = new Map<string, { id: number; label: string }>()
  for (const category of allCategories) {
    categoryByKey.set(category.name.toLowerCase(), { id: category.id, label: category.name })
    categoryByKey.set(category.slug, { id: category.id, label: category.name })
  }

  const errors: ImportRowError[] = []
  const rows: ValidRow[] = []
  const seen = new Map<string, number>()
  body.forEach((record, index) => {
    const line = index + 2
    const raw = Object.fromEntries(columns.map((name, column) => [name, unprotectCell(record[column] ?? '')]))
    const messages: string[] = []
    if (record.length !== columns.length) messages.push(`has ${record.length} fields but the header has ${columns.length}.`)
    const parsed = rowSchema.safeParse(raw)
    if (!parsed.success) messages.push(...parsed.error.issues.map((issue) => (issue.path[0] === 'price' ? `price “${raw.price}”: ${issue.message}` : issue.message)))
    const category = categoryByKey.get((raw.category ?? '').trim().toLowerCase())
    if (raw.category?.trim() && !category) messages.push(`category “${raw.category.trim()}” does not exist (use a category’s slug or name).`)
    const slug = (raw.slug ?? '').trim().toLowerCase()
    const firstLine = seen.get(slug)
    if (slug && firstLine !== undefined) messages.push(`slug “${slug}” is already used on line ${firstLine}.`)
    else if (slug) seen.set(slug, line)
    if (messages.length > 0 || !parsed.success || !category) {
      errors.push({ line, slug, messages })
      return
    }
    const data = parsed.data
    rows.push({
      line,
      slug: data.slug,
      name: data.name,
      description: data.description,
      priceCents: data.price,
      stock: data.stock,
      categoryId: category.id,
      categoryLabel: category.label,
      active: data.active,
      featured: data.featured,
    })
  })

  const existing = new Map<string, number>()
  for (let start = 0; start < rows.length; start += 5_000) {
    const slugs = rows.slice(start, start + 5_000).map((row) => row.slug)
    for (const found of await db.select({ id: products.id, slug: products.slug }).from(products).where(inArray(products.slug, slugs))) existing.set(found.slug, found.id)
  }
  const updates = rows.filter((row) => existing.has(row.slug)).length
  return {
    ok: true,
    plan: {
      columns: columns as Column[],
      rows,
      existing,
      report: {
        rows: body.length,
        valid: rows.length,
        creates: rows.length - updates,
        updates,
        errorCount: errors.length,
        errors: errors.slice(0, MAX_REPORTED_ERRORS),
        preview: rows.slice(0, 20).map((row) => ({
          line: row.line,
          action: existing.has(row.slug) ? 'update' : 'create',
          slug: row.slug,
          name: row.name,
          priceCents: row.priceCents,
          stock: row.stock ?? null,
          category: row.categoryLabel,
        })),
        applied: false,
      },
    },
  }
}

/**
 * Writes the valid rows in one transaction, a thousand per statement (`insert … on conflict (slug)
 * do update`). Columns the file leaves out keep their current values on updated products. Stock
 * levels are set by the inventory (lib/inventory), which writes each change to the stock history
 * with the reason `import`.
 */
export async function applyProductImport(actor: Pick<AccountUser, 'id' | 'email'>, plan: ImportPlan): Promise<{ slugs: string[]; created: number; updated: number }> {
  const has = (column: Column) => plan.columns.includes(column)
  const set: Record<string, unknown> = {
    name: sql`excluded.name`,
    categoryId: sql`excluded.category_id`,
    updatedAt: sql`now()`,
  }
  if (has('description')) set.description = sql`excluded.description`
  if (has('active')) set.active = sql`excluded.active`
  if (has('featured')) set.featured = sql`excluded.featured`

  return db.transaction(async (tx) => {
    let created = 0
    let updated = 0
    for (let start = 0; start < plan.rows.length; start += BATCH_SIZE) {
      const batch = plan.rows.slice(start, start + BATCH_SIZE)
      const before = new Set(
        (
          await tx
            .select({ slug: products.slug })
            .from(products)
            .where(
              inArray(
                products.slug,
                batch.map((row) => row.slug),
              ),
            )
            .for('update')
        ).map((row) => row.slug),
      )
      const written = await tx
        .insert(products)
        .values(
          batch.map((row) => ({
            slug: row.slug,
            name: row.name,
            description: row.description ?? '',
            priceCents: row.priceCents,
            maxPriceCents: row.priceCents,
            // New products start empty; the inventory sets the file's stock below, with its movement.
            stock: 0,
            categoryId: row.categoryId,
            active: row.active ?? true,
            featured: row.featured ?? false,
          })),
        )
        .onConflictDoUpdate({ target: products.slug, set })
        .returning({ id: products.id, slug: products.slug })
      // The file's price is the default variant's: new products get theirs, existing ones without options are repriced.
      const priceBySlug = new Map(batch.map((row) => [row.slug, row.priceCents] as const))
      const priced = written.map((row) => ({ id: row.id, slug: row.slug, priceCents: priceBySlug.get(row.slug) ?? 0 }))
      await createDefaultVariants(
        tx,
        priced.filter((row) => !before.has(row.slug)),
      )
      await setDefaultVariantPrices(tx, priced)
      const defaults = written.length
        ? await tx
            .select({ id: productVariants.id, productId: productVariants.productId })
            .from(productVariants)
            .where(
              and(
                inArray(
                  productVariants.productId,
                  written.map((row) => row.id),
                ),
                isNull(productVariants.option1),
                isNull(productVariants.option2),
                isNull(productVariants.option3),
              ),
            )
        : []
      const variantByProduct = new Map(defaults.map((row) => [row.productId, row.id]))
      const stockBySlug = new Map(batch.flatMap((row) => (row.stock === undefined ? [] : [[row.slug, row.stock] as const])))
      const levels = written.flatMap((row) => {
        const stock = stockBySlug.get(row.slug)
        const variantId = variantByProduct.get(row.id)
        return stock === undefined || variantId === undefined ? [] : [{ variantId, stock }]
      })
      await setStockLevels(tx, levels, 'import', { note: 'CSV import', userId: actor.id })
      updated += before.size
      created += written.length - before.size
    }
    // One entry for the whole import (a 10,000-row file would otherwise flood the log); it lists what changed.
    await recordAudit(tx, {
      actor,
      action: 'product.import',
      entityType: 'product',
      entityId: 'csv-import',
      before: null,
      after: { created, updated, skipped: plan.report.errorCount, columns: plan.columns, slugs: plan.rows.map((row) => row.slug).slice(0, 1_000) },
    })
    return { slugs: plan.rows.map((row) => row.slug), created, updated }
  })
}
