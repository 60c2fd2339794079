import 'server-only'
import { and, asc, eq, inArray, ne, sql } from 'drizzle-orm'
import { db } from '@/db/client'
import { productImages, productOptions, products, productVariants } from '@/db/schema'
import type { AccountUser } from '@/lib/auth/users'
import { insertVariants, refreshProductSummaries, removeVariants, replaceProductOptions, updateVariants } from '@/lib/catalog/variants'
import { recordAudit, type Tx } from '../audit'
import type { FieldProblem } from './service'
import { ARCHIVED_POSITION, type OptionDef, type OptionValues, planVariants, suggestSku, variantTitle } from './variant-plan'
import type { OptionsInput, VariantsInput } from './variant-validation'

/**
 * The merchant's edits of a product's options and variants. Every write runs in one transaction
 * with its audit entry and refreshProductSummaries, so listings never see a half-saved product.
 */
type Actor = Pick<AccountUser, 'id' | 'email'>

const gone: FieldProblem = { ok: false, error: 'That product no longer exists.' }

/** FOR NO KEY UPDATE, like refreshProductSummaries: a checkout's order lines hold key-share locks on the product and its variants. */
async function lockProduct(tx: Tx, productId: number) {
  const [product] = await tx.select({ id: products.id, slug: products.slug, priceCents: products.priceCents }).from(products).where(eq(products.id, productId)).for('no key update')
  return product ?? null
}

export async function loadOptions(tx: Tx, productId: number): Promise<OptionDef[]> {
  const rows = await tx.select({ name: productOptions.name, values: productOptions.values }).from(productOptions).where(eq(productOptions.productId, productId)).orderBy(asc(productOptions.position))
  return rows.map((row) => ({ name: row.name, values: row.values }))
}

const variantColumns = {
  id: productVariants.id,
  sku: productVariants.sku,
  option1: productVariants.option1,
  option2: productVariants.option2,
  option3: productVariants.option3,
  priceCents: productVariants.priceCents,
  compareAtCents: productVariants.compareAtCents,
  weightGrams: productVariants.weightGrams,
  barcode: productVariants.barcode,
  stock: productVariants.stock,
  active: productVariants.active,
  imageId: productVariants.imageId,
  position: productVariants.position,
  hasOrders: sql<boolean>`exists (select 1 from order_items oi where oi.variant_id = product_variants.id)`.as('has_orders'),
}

export async function loadVariants(tx: Tx, productId: number) {
  return tx.select(variantColumns).from(productVariants).where(eq(productVariants.productId, productId)).orderBy(asc(productVariants.position), asc(productVariants.id))
}
type VariantRow = Awaited<ReturnType<typeof loadVariants>>[number]
export const valuesOf = (variant: Pick<VariantRow, 'option1' | 'option2' | 'option3'>): OptionValues => [variant.option1, variant.option2, variant.option3]

/** What the audit log keeps of a variant. */
const auditVariant = (variant: VariantRow) => ({
  id: variant.id,
  title: variantTitle(valuesOf(variant)),
  sku: variant.sku,
  priceCents: variant.priceCents,
  compareAtCents: variant.compareAtCents,
  weightGrams: variant.weightGrams,
  barcode: variant.barcode,
  imageId: variant.imageId,
  active: variant.active,
})

/**
 * Replaces the product's options and brings its variants in line (lib/admin/products/variant-plan):
 * existing variants keep their SKU, price, stock and orders; new combinations get a variant at
 * the product's lowest price with no stock; a variant whose combination is gone is deleted, or
 * archived when it has orders.
 */
export async function saveProductOptions(actor: Actor, input: OptionsInput): Promise<{ ok: true; slug: string; created: number; archived: number; deleted: number } | FieldProblem> {
  return db.transaction(async (tx) => {
    const product = await lockProduct(tx, input.productId)
    if (!product) return gone
    const oldOptions = await loadOptions(tx, product.id)
    const before = await loadVariants(tx, product.id)
    const plan = planVariants(
      oldOptions,
      input.options,
      before.map((variant) => ({ id: variant.id, values: valuesOf(variant), hasOrders: variant.hasOrders, active: variant.active })),
    )

    await replaceProductOptions(tx, [{ productId: product.id, options: input.options }])
    const removed = await removeVariants(tx, [...plan.remove, ...plan.archive], ARCHIVED_POSITION)
    const byId = new Map(before.map((variant) => [variant.id, variant]))
    await updateVariants(
      tx,
      plan.keep.flatMap((kept, position) => {
        const old = byId.get(kept.id)
        if (!old) return []
        const moves = valuesOf(old).join('\u0000') !== kept.values.join('\u0000')
        if (!moves && old.position === position) return []
        const [option1, option2, option3] = kept.values
        return [{ id: old.id, sku: old.sku, option1, option2, option3, priceCents: old.priceCents, compareAtCents: old.compareAtCents, active: null, imageId: undefined, position, moves }]
      }),
    )
    if (plan.create.length > 0) {
      const taken = new Set(
        (
          await tx
            .select({ sku: sql<string>`lower(${productVariants.sku})` })
            .from(productVariants)
            .where(sql`lower(${productVariants.sku}) like ${`${product.slug.toLowerCase()}%`}`)
        ).map((row) => row.sku),
      )
      await insertVariants(
        tx,
        plan.create.map(([option1, option2, option3], index) => ({
          productId: product.id,
          sku: suggestSku(product.slug, [option1, option2, option3], taken),
          option1,
          option2,
          option3,
          priceCents: product.priceCents,
          compareAtCents: null,
          active: true,
          imageId: null,
          position: plan.keep.length + index,
        })),
      )
    }
    await refreshProductSummaries(tx, [product.id])
    const after = await loadVariants(tx, product.id)
    await recordAudit(tx, {
      actor,
      action: 'product.options',
      entityType: 'product',
      entityId: product.id,
      before: { options: oldOptions, variants: before.map(auditVariant) },
      after: { options: input.options, variants: after.map(auditVariant) },
    })
    return { ok: true as const, slug: product.slug, created: plan.create.length, archived: removed.archived, deleted: removed.deleted }
  })
}

/**
 * Saves the variants table. Refused, changing nothing, when a row is not one of this product's
 * variants, an image is not one of its images, or a SKU belongs to another product.
 */
export async function saveVariants(actor: Actor, input: VariantsInput): Promise<{ ok: true; slug: string; changed: number } | FieldProblem> {
  return db.transaction(async (tx) => {
    const product = await lockProduct(tx, input.productId)
    if (!product) return gone
    const current = new Map((await tx.select(variantColumns).from(productVariants).where(eq(productVariants.productId, product.id)).for('no key update')).map((variant) => [variant.id, variant]))
    const imageIds = new Set((await tx.select({ id: productImages.id }).from(productImages).where(eq(productImages.productId, product.id))).map((image) => image.id))
    const fieldErrors: Record<string, string[]> = {}
    input.variants.forEach((variant, index) => {
      if (!current.has(variant.id)) fieldErrors[`variants.${index}.id`] = ['This is not one of this product’s variants. Reload the page and try again.']
      if (variant.imageId !== null && !imageIds.has(variant.imageId)) fieldErrors[`variants.${index}.imageId`] = ['Choose one of this product’s images.']
    })
    const clashes = await tx
      .select({ sku: productVariants.sku, productName: products.name })
      .from(productVariants)
      .innerJoin(products, eq(products.id, productVariants.productId))
      .where(
        and(
          ne(productVariants.productId, product.id),
          inArray(
            sql`lower(${productVariants.sku})`,
            input.variants.map((variant) => variant.sku.toLowerCase()),
          ),
        ),
      )
    const clashBySku = new Map(clashes.map((clash) => [clash.sku.toLowerCase(), clash.productName]))
    input.variants.forEach((variant, index) => {
      const other = clashBySku.get(variant.sku.toLowerCase())
      if (other !== undefined) fieldErrors[`variants.${index}.sku`] = [`“${other}” already uses the SKU “${variant.sku}”. Each variant needs its own.`]
    })
    if (Object.keys(fieldErrors).length > 0) return { ok: false as const, error: 'Nothing was saved. Please correct the highlighted fields.', fieldErrors }

    const changed = input.variants.filter((variant) => {
      const old = current.get(variant.id)
      return (
        old &&
        (old.sku !== variant.sku ||
          old.priceCents !== variant.price ||
          old.compareAtCents !== variant.compareAt ||
          (variant.weightGrams !== undefined && old.weightGrams !== variant.weightGrams) ||
          (variant.barcode !== undefined && old.barcode !== variant.barcode) ||
          old.imageId !== variant.imageId ||
          old.active !== variant.active)
      )
    })
    await updateVariants(
      tx,
      changed.flatMap((variant) => {
        const old = current.get(variant.id)
        if (!old) return []
        return [
          {
            id: variant.id,
            sku: variant.sku,
            option1: old.option1,
            option2: old.option2,
            option3: old.option3,
            priceCents: variant.price,
            compareAtCents: variant.compareAt,
            weightGrams: variant.weightGrams,
            barcode: variant.barcode,
            active: variant.active,
            imageId: variant.imageId,
            position: old.position,
            moves: old.sku.toLowerCase() !== variant.sku.toLowerCase(),
          },
        ]
      }),
    )
    if (changed.length === 0) return { ok: true as const, slug: product.slug, changed: 0 }
    await refreshProductSummaries(tx, [product.id])
    const ids = changed.map((variant) => variant.id)
    const after = await tx.select(variantColumns).from(productVariants).where(inArray(productVariants.id, ids))
    await recordAudit(tx, {
      actor,
      action: 'product.variants',
      entityType: 'product',
      entityId: product.id,
      before: { variants: ids.flatMap((id) => (current.get(id) ? [auditVariant(current.get(id) as VariantRow)] : [])) },
      after: { variants: after.map(auditVariant) },
    })
    return { ok: true as const, slug: product.slug, changed: changed.length }
  })
}
