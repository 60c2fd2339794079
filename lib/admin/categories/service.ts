import 'server-only'
import { and, asc, eq, isNull, like, or, sql } from 'drizzle-orm'
import { db } from '@/db/client'
import { categories, products } from '@/db/schema'
import { isUniqueViolation } from '@/lib/auth/users'
import type { AccountUser } from '@/lib/auth/users'
import { recordAudit, type Tx } from '../audit'
import { firstFreeSlug, slugify } from '../slug'
import type { CreateCategoryInput, UpdateCategoryInput } from './validation'

type Actor = Pick<AccountUser, 'id' | 'email'>
type Result = { ok: true; message: string } | { ok: false; error: string; fieldErrors?: Record<string, string[]> }
const fix = 'Please correct the highlighted fields.'

const siblingsOf = (parentId: number | null) => (parentId === null ? isNull(categories.parentId) : eq(categories.parentId, parentId))

async function nextPosition(tx: Tx, parentId: number | null) {
  const [row] = await tx
    .select({ next: sql<number>`coalesce(max(${categories.position}), -1)::int + 1` })
    .from(categories)
    .where(siblingsOf(parentId))
  return row?.next ?? 0
}

/** True when `candidateParentId` is `categoryId` itself or lies below it (moving there would make a cycle). */
async function wouldCycle(tx: Tx, categoryId: number, candidateParentId: number) {
  const rows = await tx.execute<{ id: number }>(sql`
    with recursive chain(id, parent_id, depth) as (
      select id, parent_id, 0 from categories where id = ${candidateParentId}
      union all
      select c.id, c.parent_id, chain.depth + 1 from categories c join chain on c.id = chain.parent_id where chain.depth < 64
    )
    select id from chain where id = ${categoryId} limit 1`)
  return rows.length > 0
}

export async function createCategory(actor: Actor, input: CreateCategoryInput): Promise<Result> {
  try {
    return await db.transaction(async (tx): Promise<Result> => {
      if (input.parentId !== null) {
        const [parent] = await tx.select({ id: categories.id }).from(categories).where(eq(categories.id, input.parentId)).for('update')
        if (!parent) return { ok: false as const, error: fix, fieldErrors: { parentId: ['That parent category no longer exists.'] } }
      }
      let slug = input.slug
      if (slug) {
        const [clash] = await tx.select({ id: categories.id }).from(categories).where(eq(categories.slug, slug))
        if (clash) return { ok: false as const, error: fix, fieldErrors: { slug: ['Another category already uses this slug.'] } }
      } else {
        const base = slugify(input.name)
        const taken = await tx
          .select({ slug: categories.slug })
          .from(categories)
          .where(or(eq(categories.slug, base), like(categories.slug, `${base}-%`)))
        slug = firstFreeSlug(base, new Set(taken.map((row) => row.slug)))
      }
      const [created] = await tx
        .insert(categories)
        .values({ slug, name: input.name, description: input.description, parentId: input.parentId, position: await nextPosition(tx, input.parentId) })
        .returning()
      if (!created) throw new Error('insert returned no row')
      await recordAudit(tx, { actor, action: 'category.create', entityType: 'category', entityId: created.id, before: null, after: created })
      return { ok: true as const, message: `Category “${created.name}” created.` }
    })
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, error: fix, fieldErrors: { slug: ['Another category already uses this slug.'] } }
    throw error
  }
}

/** Renames and/or moves a category under another parent (never under itself or its own subcategories). */
export async function updateCategory(actor: Actor, input: UpdateCategoryInput): Promise<Result> {
  return db.transaction(async (tx): Promise<Result> => {
    // Serialises concurrent moves, so two moves can never together make a cycle.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('admin:category-tree'))`)
    const [before] = await tx.select().from(categories).where(eq(categories.id, input.id)).for('update')
    if (!before) return { ok: false as const, error: 'That category no longer exists.' }
    let position = before.position
    if (input.parentId !== before.parentId) {
      if (input.parentId !== null) {
        const [parent] = await tx.select({ id: categories.id }).from(categories).where(eq(categories.id, input.parentId))
        if (!parent) return { ok: false as const, error: fix, fieldErrors: { parentId: ['That parent category no longer exists.'] } }
        if (await wouldCycle(tx, input.id, input.parentId)) {
          return { ok: false as const, error: fix, fieldErrors: { parentId: ['A category cannot be placed inside itself or one of its own subcategories.'] } }
        }
      }
      position = await nextPosition(tx, input.parentId)
    }
    const [after] = await tx.update(categories).set({ name: input.name, description: input.description, parentId: input.parentId, position }).where(eq(categories.id, input.id)).returning()
    await recordAudit(tx, { actor, action: 'category.update', entityType: 'category', entityId: input.id, before, after })
    return { ok: true as const, message: `Category “${input.name}” saved.` }
  })
}

/** Swaps a category with its neighbour among its siblings, renumbering them 0…n-1. */
export async function moveCategory(actor: Actor, id: number, direction: 'up' | 'down'): Promise<Result> {
  return db.transaction(async (tx): Promise<Result> => {
    const [category] = await tx.select().from(categories).where(eq(categories.id, id)).for('update')
    if (!category) return { ok: false as const, error: 'That category no longer exists.' }
    const siblings = await tx
      .select({ id: categories.id, position: categories.position })
      .from(categories)
      .where(siblingsOf(category.parentId))
      .orderBy(asc(categories.position), asc(categories.name))
      .for('update')
    const order = siblings.map((sibling) => sibling.id)
    const index = order.indexOf(id)
    const target = direction === 'up' ? index - 1 : index + 1
    if (target < 0 || target >= order.length) return { ok: true as const, message: `“${category.name}” is already ${direction === 'up' ? 'first' : 'last'}.` }
    ;[order[index], order[target]] = [order[target] ?? id, id]
    for (const [position, siblingId] of order.entries()) {
      if (siblings.find((sibling) => sibling.id === siblingId)?.position !== position) {
        await tx.update(categories).set({ position }).where(eq(categories.id, siblingId))
      }
    }
    await recordAudit(tx, { actor, action: 'category.reorder', entityType: 'category', entityId: id, before: { position: category.position }, after: { position: target, direction } })
    return { ok: true as const, message: `“${category.name}” moved ${direction}.` }
  })
}

/** Only an empty category can go: no products and no subcategories. */
export async function deleteCategory(actor: Actor, id: number): Promise<Result> {
  return db.transaction(async (tx): Promise<Result> => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('admin:category-tree'))`)
    const [before] = await tx.select().from(categories).where(eq(categories.id, id)).for('update')
    if (!before) return { ok: false as const, error: 'That category no longer exists.' }
    const [[child], [product]] = await Promise.all([
      tx.select({ id: categories.id }).from(categories).where(eq(categories.parentId, id)).limit(1),
      tx.select({ id: products.id }).from(products).where(eq(products.categoryId, id)).limit(1),
    ])
    if (child) return { ok: false as const, error: `“${before.name}” has subcategories. Move or delete them first.` }
    if (product) return { ok: false as const, error: `“${before.name}” still has products. Move them to another category (or delete them) first.` }
    await tx.delete(categories).where(and(eq(categories.id, id)))
    await recordAudit(tx, { actor, action: 'category.delete', entityType: 'category', entityId: id, before, after: null })
    return { ok: true as const, message: `Category “${before.name}” deleted.` }
  })
}
