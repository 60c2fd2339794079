import 'server-only'
import { and, eq, sql } from 'drizzle-orm'
import { db } from '@/db/client'
import { categories, categoryTax, taxRates } from '@/db/schema'
import { recordAudit } from '@/lib/admin/audit'
import type { AccountUser } from '@/lib/auth/users'
import { formatRate } from '@/lib/pricing/tax'
import { destinationName } from '@/lib/shipping/validation'
import type { TaxRateInput } from './validation'

type Actor = Pick<AccountUser, 'id' | 'email'>
export type TaxResult = { ok: true; message: string } | { ok: false; error: string; fieldErrors?: Record<string, string[]> }

/** Creates the rate for a country (and region), or replaces the one it has. */
export async function saveTaxRate(actor: Actor, input: TaxRateInput): Promise<TaxResult> {
  return db.transaction(async (tx) => {
    const [before] = await tx
      .select()
      .from(taxRates)
      .where(and(eq(taxRates.country, input.country), eq(sql`upper(${taxRates.region})`, input.region)))
      .for('update')
    const values = { country: input.country, region: input.region, name: input.name, ratePpm: input.rate, shippingTaxable: input.shippingTaxable }
    const [after] = before ? await tx.update(taxRates).set(values).where(eq(taxRates.id, before.id)).returning() : await tx.insert(taxRates).values(values).onConflictDoNothing().returning()
    if (!after) return { ok: false, error: 'Someone saved a rate for this place at the same time. Reload the page and check.' }
    await recordAudit(tx, { actor, action: before ? 'tax.rate.update' : 'tax.rate.create', entityType: 'tax_rate', entityId: after.id, before: before ?? null, after })
    return { ok: true, message: `${input.name} of ${formatRate(input.rate)} ${before ? 'saved' : 'added'} for ${destinationName(input)}.` }
  })
}

export async function deleteTaxRate(actor: Actor, id: number): Promise<TaxResult> {
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(taxRates).where(eq(taxRates.id, id)).for('update')
    if (!before) return { ok: false, error: 'That rate no longer exists. Reload the page.' }
    await tx.delete(taxRates).where(eq(taxRates.id, id))
    await recordAudit(tx, { actor, action: 'tax.rate.delete', entityType: 'tax_rate', entityId: id, before, after: null })
    return { ok: true, message: `The rate for ${destinationName(before)} is deleted.` }
  })
}

export async function saveCategoryTax(actor: Actor, input: { categoryId: number; zeroRated: boolean; stripeTaxCode: string | null }): Promise<TaxResult> {
  return db.transaction(async (tx) => {
    const [category] = await tx.select({ id: categories.id, name: categories.name }).from(categories).where(eq(categories.id, input.categoryId))
    if (!category) return { ok: false, error: 'That category no longer exists. Reload the page.' }
    const [before] = await tx.select().from(categoryTax).where(eq(categoryTax.categoryId, input.categoryId)).for('update')
    const [after] = await tx
      .insert(categoryTax)
      .values(input)
      .onConflictDoUpdate({ target: categoryTax.categoryId, set: { zeroRated: input.zeroRated, stripeTaxCode: input.stripeTaxCode } })
      .returning()
    await recordAudit(tx, { actor, action: 'tax.category.update', entityType: 'category', entityId: input.categoryId, before: before ?? null, after })
    return { ok: true, message: `${category.name}: ${input.zeroRated ? 'zero-rated' : 'taxed at the destination’s rate'}${input.stripeTaxCode ? `, Stripe tax code ${input.stripeTaxCode}` : ''}.` }
  })
}
