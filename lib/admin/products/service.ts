import 'server-only'
import { and, eq, like, or } from 'drizzle-orm'
import { db } from '@/db/client'
import { categories, orderItems, productVariants, products } from '@/db/schema'
import { isUniqueViolation } from '@/lib/auth/users'
import type { AccountUser } from '@/lib/auth/users'
import { createDefaultVariant, defaultVariantId, setDefaultVariantPrice } from '@/lib/catalog/variants'
import { variantTitle } from '@/lib/catalog/variant-options'
import { adjustStock as changeStock } from '@/lib/inventory/stock'
import { recordAudit, type Tx } from '../audit'
import { firstFreeSlug, slugify } from '../slug'
import type { CreateProductInput, StockAdjustment, UpdateProductInput } from './validation'

type Actor = Pick<AccountUser, 'id' | 'email'>
export type FieldProblem = { ok: false; error: string; fieldErrors?: Record<string, string[]> }

const auditColumns = {
  id: products.id,
  slug: products.slug,
  name: products.name,
  description: products.description,
  priceCents: products.priceCents,
  stock: products.stock,
  categoryId: products.categoryId,
  active: products.active,
  featured: products.featured,
}

const slugTaken: FieldProblem = {
  ok: false,
  error: 'Please correct the highlighted fields.',
  fieldErrors: { slug: ['Another product already uses this slug. Choose another, or leave it empty to generate one.'] },
}
const noCategory: FieldProblem = { ok: false, error: 'Please correct the highlighted fields.', fieldErrors: { categoryId: ['Choose a category.'] } }

async function categoryExists(tx: Tx, id: number) {
  const [row] = await tx.select({ id: categories.id }).from(categories).where(eq(categories.id, id)).limit(1)
  return !!row
}

/** The slug asked for (refused if taken by another product), or one made from the name. */
async function resolveSlug(tx: Tx, input: { slug?: string; name: string }, productId: number | null): Promise<string | null> {
  if (input.slug) {
    const [clash] = await tx.select({ id: products.id }).from(products).where(eq(products.slug, input.slug)).limit(1)
    return clash && clash.id !== productId ? null : input.slug
  }
  const base = slugify(input.name)
  const rows = await tx
    .select({ id: products.id, slug: products.slug })
    .from(products)
    .where(or(eq(products.slug, base), like(products.slug, `${base}-%`)))
  return firstFreeSlug(base, new Set(rows.filter((row) => row.id !== productId).map((row) => row.slug)))
}

export async function createProduct(actor: Actor, input: CreateProductInput): Promise<{ ok: true; id: number; slug: string } | FieldProblem> {
  try {
    return await db.transaction(async (tx) => {
      if (!(await categoryExists(tx, input.categoryId))) return noCategory
      const slug = await resolveSlug(tx, input, null)
      if (!slug) return slugTaken
      const [created] = await tx
        .insert(products)
        .values({
          slug,
          name: input.name,
          description: input.description,
          priceCents: input.price,
          maxPriceCents: input.price,
          stock: 0,
          categoryId: input.categoryId,
          active: input.active,
          featured: input.featured,
        })
        .returning(auditColumns)
      if (!created) throw new Error('insert returned no row')
      // Every product is sold through variants: one without options has exactly one, the default.
      const variantId = await createDefaultVariant(tx, { id: created.id, slug, priceCents: input.price })
      // The opening stock goes through the inventory, so it is the first line of the history.
      if (input.stock > 0) {
        const opened = await changeStock(tx, { variantId, delta: input.stock, reason: 'adjustment', note: 'Opening stock', userId: actor.id })
        if (!opened) throw new Error('opening stock not written')
        created.stock = opened.stock
      }
      await recordAudit(tx, { actor, action: 'product.create', entityType: 'product', entityId: created.id, before: null, after: created })
      return { ok: true as const, id: created.id, slug }
    })
  } catch (error) {
    if (isUniqueViolation(error)) return slugTaken
    throw error
  }
}

/** Everything but the stock, which changes only through adjustments (so its history stays whole). */
export async function updateProduct(actor: Actor, input: UpdateProductInput): Promise<{ ok: true; slugs: string[] } | FieldProblem> {
  try {
    return await db.transaction(async (tx) => {
      const [before] = await tx.select(auditColumns).from(products).where(eq(products.id, input.id)).for('update')
      if (!before) return { ok: false as const, error: 'That product no longer exists.' }
      if (!(await categoryExists(tx, input.categoryId))) return noCategory
      const slug = input.slug ? await resolveSlug(tx, input, input.id) : before.slug
      if (!slug) return slugTaken
      await tx
        .update(products)
        .set({
          slug,
          name: input.name,
          description: input.description,
          categoryId: input.categoryId,
          active: input.active,
          featured: input.featured,
        })
        .where(eq(products.id, input.id))
      // The price is the default variant's (a product with options keeps its variants' prices).
      if (input.price !== undefined) await setDefaultVariantPrice(tx, input.id, input.price)
      const [after] = await tx.select(auditColumns).from(products).where(eq(products.id, input.id))
      await recordAudit(tx, { actor, action: 'product.update', entityType: 'product', entityId: input.id, before, after })
      return { ok: true as const, slugs: [...new Set([before.slug, slug])] }
    })
  } catch (error) {
    if (isUniqueViolation(error)) return slugTaken
    throw error
  }
}

/** Deletes a product nobody ordered; a product with orders is archived instead (orders keep pointing at it). */
export async function deleteOrArchiveProduct(actor: Actor, id: number): Promise<{ ok: true; outcome: 'deleted' | 'archived'; slug: string } | FieldProblem> {
  return db.transaction(async (tx) => {
    const [before] = await tx.select(auditColumns).from(products).where(eq(products.id, id)).for('update')
    if (!before) return { ok: false as const, error: 'That product no longer exists.' }
    const [ordered] = await tx.select({ id: orderItems.id }).from(orderItems).where(eq(orderItems.productId, id)).limit(1)
    if (ordered) {
      const [after] = await tx.update(products).set({ active: false }).where(eq(products.id, id)).returning(auditColumns)
      await recordAudit(tx, { actor, action: 'product.archive', entityType: 'product', entityId: id, before, after })
      return { ok: true as const, outcome: 'archived' as const, slug: before.slug }
    }
    await tx.delete(products).where(eq(products.id, id))
    await recordAudit(tx, { actor, action: 'product.delete', entityType: 'product', entityId: id, before, after: null })
    return { ok: true as const, outcome: 'deleted' as const, slug: before.slug }
  })
}

/**
 * A merchant's stock correction: the inventory changes the stock by `delta` and writes the
 * movement (never below zero, even under concurrent removals), audited in the same transaction.
 */
export async function adjustStock(actor: Actor, input: StockAdjustment): Promise<{ ok: true; stock: number; slug: string; title: string; availabilityChanged: boolean } | FieldProblem> {
  return db.transaction(async (tx) => {
    const [product] = await tx.select({ slug: products.slug }).from(products).where(eq(products.id, input.productId))
    if (!product) return { ok: false as const, error: 'That product no longer exists.' }
    const variantId = input.variantId ?? (await defaultVariantId(tx, input.productId))
    const [variant] = variantId
      ? await tx
          .select({ id: productVariants.id, sku: productVariants.sku, option1: productVariants.option1, option2: productVariants.option2, option3: productVariants.option3 })
          .from(productVariants)
          .where(and(eq(productVariants.id, variantId), eq(productVariants.productId, input.productId)))
      : []
    if (!variant) {
      const problem: FieldProblem = { ok: false, error: 'Please correct the highlighted fields.', fieldErrors: { variantId: ['Choose a variant of this product.'] } }
      return problem
    }
    const updated = await changeStock(tx, { variantId: variant.id, delta: input.delta, reason: input.reason, note: input.note, userId: actor.id })
    if (!updated) {
      const [current] = await tx.select({ stock: productVariants.stock }).from(productVariants).where(eq(productVariants.id, variant.id))
      return {
        ok: false as const,
        error: 'Please correct the highlighted fields.',
        fieldErrors: { delta: [`Stock cannot go below zero: there are ${current?.stock ?? 0} in stock, so you can remove at most ${current?.stock ?? 0}.`] },
      }
    }
    await recordAudit(tx, {
      actor,
      action: 'product.stock_adjust',
      entityType: 'product',
      entityId: input.productId,
      before: { variantId: variant.id, sku: variant.sku, stock: updated.stock - input.delta },
      after: { variantId: variant.id, sku: variant.sku, stock: updated.stock, reason: input.reason, note: input.note },
    })
    // Whether the product sold out or came back, which its cards show. Its stock (the sum over its
    // variants on sale) is read after this change, so a concurrent change to another variant is in both ends.
    const [after] = await tx.select({ stock: products.stock }).from(products).where(eq(products.id, input.productId))
    const stockAfter = after?.stock ?? 0
    const availabilityChanged = stockAfter - input.delta > 0 !== stockAfter > 0
    return { ok: true as const, stock: updated.stock, slug: product.slug, title: variantTitle(variant), availabilityChanged }
  })
}
