import 'server-only'
import { eq, inArray } from 'drizzle-orm'
import { db, type Transaction } from '@/db/client'
import { categories, products, promotions } from '@/db/schema'
import { recordAudit } from '@/lib/admin/audit'
import { isUniqueViolation } from '@/lib/auth/users'
import type { AccountUser } from '@/lib/auth/users'
import type { PromotionInput } from './validation'

type Actor = Pick<AccountUser, 'id' | 'email'>
export type PromotionResult = { ok: true; id: number; message: string } | { ok: false; error: string; fieldErrors?: Record<string, string[]> }

function columns(input: PromotionInput) {
  return {
    name: input.name,
    code: input.code,
    kind: input.kind,
    percentBasisPoints: input.percentBasisPoints,
    amountCents: input.amountCents,
    scope: input.scope,
    productIds: input.productIds,
    categoryIds: input.categoryIds,
    minSubtotalCents: input.minSubtotalCents,
    startsAt: input.startsAt,
    endsAt: input.endsAt,
    usageLimit: input.usageLimit,
    onePerCustomer: input.onePerCustomer,
    active: input.active,
  }
}

/** Product and category numbers typed by hand that name nothing: the promotion would apply to nothing. */
async function unknownTargets(tx: Transaction, input: PromotionInput): Promise<PromotionResult | null> {
  const fieldErrors: Record<string, string[]> = {}
  if (input.productIds.length > 0) {
    const found = new Set((await tx.select({ id: products.id }).from(products).where(inArray(products.id, input.productIds))).map((row) => row.id))
    const missing = input.productIds.filter((id) => !found.has(id))
    if (missing.length > 0) fieldErrors.productIds = [`No product has the number ${missing.join(', ')}. The products list shows each product’s number.`]
  }
  if (input.categoryIds.length > 0) {
    const found = new Set((await tx.select({ id: categories.id }).from(categories).where(inArray(categories.id, input.categoryIds))).map((row) => row.id))
    const missing = input.categoryIds.filter((id) => !found.has(id))
    if (missing.length > 0) fieldErrors.categoryIds = [`No category has the number ${missing.join(', ')}.`]
  }
  return Object.keys(fieldErrors).length > 0 ? { ok: false, error: 'Please correct the highlighted fields.', fieldErrors } : null
}

const codeTaken = (code: string | null): PromotionResult => ({
  ok: false,
  error: 'Please correct the highlighted fields.',
  fieldErrors: { code: [`Another promotion already uses the code ${code ?? ''}.`] },
})

export async function createPromotion(actor: Actor, input: PromotionInput): Promise<PromotionResult> {
  try {
    return await db.transaction(async (tx) => {
      const unknown = await unknownTargets(tx, input)
      if (unknown) return unknown
      const [created] = await tx.insert(promotions).values(columns(input)).returning()
      if (!created) throw new Error('insert returned no row')
      await recordAudit(tx, { actor, action: 'promotion.create', entityType: 'promotion', entityId: created.id, before: null, after: created })
      return { ok: true as const, id: created.id, message: `Promotion “${created.name}” created${created.code ? ` with the code ${created.code}` : ' (automatic)'}.` }
    })
  } catch (error) {
    if (isUniqueViolation(error)) return codeTaken(input.code)
    throw error
  }
}

export async function updatePromotion(actor: Actor, id: number, input: PromotionInput): Promise<PromotionResult> {
  try {
    return await db.transaction(async (tx) => {
      const [before] = await tx.select().from(promotions).where(eq(promotions.id, id)).for('update')
      if (!before) return { ok: false as const, error: 'That promotion no longer exists.' }
      const unknown = await unknownTargets(tx, input)
      if (unknown) return unknown
      const [after] = await tx.update(promotions).set(columns(input)).where(eq(promotions.id, id)).returning()
      await recordAudit(tx, { actor, action: 'promotion.update', entityType: 'promotion', entityId: id, before, after })
      return { ok: true as const, id, message: `Promotion “${input.name}” saved.` }
    })
  } catch (error) {
    if (isUniqueViolation(error)) return codeTaken(input.code)
    throw error
  }
}

/** Pauses (active = false) or resumes a promotion; orders that used it keep their discount. */
export async function setPromotionActive(actor: Actor, id: number, active: boolean): Promise<PromotionResult> {
  return db.transaction(async (tx) => {
    const [before] = await tx.select({ name: promotions.name, active: promotions.active }).from(promotions).where(eq(promotions.id, id)).for('update')
    if (!before) return { ok: false as const, error: 'That promotion no longer exists.' }
    await tx.update(promotions).set({ active }).where(eq(promotions.id, id))
    await recordAudit(tx, { actor, action: active ? 'promotion.resume' : 'promotion.pause', entityType: 'promotion', entityId: id, before: { active: before.active }, after: { active } })
    return { ok: true as const, id, message: active ? `“${before.name}” is active again.` : `“${before.name}” is paused: shoppers can no longer use it.` }
  })
}
