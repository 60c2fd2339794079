import 'server-only'
import { and, eq, inArray, ne, sql } from 'drizzle-orm'
import { db } from '@/db/client'
import { shippingMethods, shippingZoneCountries, shippingZones } from '@/db/schema'
import { recordAudit, type Tx } from '@/lib/admin/audit'
import type { AccountUser } from '@/lib/auth/users'
import { parseBands } from './rates'
import { countryName, type MethodInput } from './validation'

type Actor = Pick<AccountUser, 'id' | 'email'>
export type ShippingResult = { ok: true; message: string } | { ok: false; error: string; fieldErrors?: Record<string, string[]> }
const fix = 'Please correct the highlighted fields.'

// Zone membership is checked and written under one lock, so two admins cannot put a country in two zones.
const lockZones = (tx: Tx) => tx.execute(sql`select pg_advisory_xact_lock(hashtext('admin:shipping-zones'))`)

async function countriesTakenElsewhere(tx: Tx, countries: string[], zoneId: number | null) {
  const rows = await tx
    .select({ country: shippingZoneCountries.country, zone: shippingZones.name })
    .from(shippingZoneCountries)
    .innerJoin(shippingZones, eq(shippingZones.id, shippingZoneCountries.zoneId))
    .where(zoneId === null ? inArray(shippingZoneCountries.country, countries) : and(inArray(shippingZoneCountries.country, countries), ne(shippingZoneCountries.zoneId, zoneId)))
  if (rows.length === 0) return null
  return rows.map((row) => `${countryName(row.country)} is already in “${row.zone}”`).join('; ') + '. A country belongs to one zone: take it out of the other zone first.'
}

export async function createZone(actor: Actor, input: { name: string; countries: string[] }): Promise<ShippingResult> {
  return db.transaction(async (tx) => {
    await lockZones(tx)
    const taken = await countriesTakenElsewhere(tx, input.countries, null)
    if (taken) return { ok: false, error: fix, fieldErrors: { countries: [taken] } }
    const [zone] = await tx
      .insert(shippingZones)
      .values({ name: input.name, position: sql`(select coalesce(max(position), -1) + 1 from shipping_zones)` })
      .returning()
    if (!zone) throw new Error('zone not written')
    await tx.insert(shippingZoneCountries).values(input.countries.map((country) => ({ country, zoneId: zone.id })))
    await recordAudit(tx, { actor, action: 'shipping.zone.create', entityType: 'shipping_zone', entityId: zone.id, before: null, after: { ...zone, countries: input.countries } })
    return { ok: true, message: `Zone “${zone.name}” created. Add its shipping methods next.` }
  })
}

export async function updateZone(actor: Actor, input: { id: number; name: string; countries: string[] }): Promise<ShippingResult> {
  return db.transaction(async (tx) => {
    await lockZones(tx)
    const [before] = await tx.select().from(shippingZones).where(eq(shippingZones.id, input.id)).for('update')
    if (!before) return { ok: false, error: 'That zone no longer exists. Reload the page.' }
    const taken = await countriesTakenElsewhere(tx, input.countries, input.id)
    if (taken) return { ok: false, error: fix, fieldErrors: { countries: [taken] } }
    const beforeCountries = (await tx.select({ country: shippingZoneCountries.country }).from(shippingZoneCountries).where(eq(shippingZoneCountries.zoneId, input.id))).map((row) => row.country)
    await tx.update(shippingZones).set({ name: input.name }).where(eq(shippingZones.id, input.id))
    await tx.delete(shippingZoneCountries).where(eq(shippingZoneCountries.zoneId, input.id))
    await tx.insert(shippingZoneCountries).values(input.countries.map((country) => ({ country, zoneId: input.id })))
    await recordAudit(tx, {
      actor,
      action: 'shipping.zone.update',
      entityType: 'shipping_zone',
      entityId: input.id,
      before: { name: before.name, countries: beforeCountries },
      after: { name: input.name, countries: input.countries },
    })
    return { ok: true, message: `Zone “${input.name}” saved.` }
  })
}

export async function deleteZone(actor: Actor, id: number): Promise<ShippingResult> {
  return db.transaction(async (tx) => {
    await lockZones(tx)
    const [before] = await tx.select().from(shippingZones).where(eq(shippingZones.id, id)).for('update')
    if (!before) return { ok: false, error: 'That zone no longer exists. Reload the page.' }
    // Its methods go with it; orders keep the method's name (their method id becomes null).
    await tx.delete(shippingZones).where(eq(shippingZones.id, id))
    await recordAudit(tx, { actor, action: 'shipping.zone.delete', entityType: 'shipping_zone', entityId: id, before, after: null })
    return { ok: true, message: `Zone “${before.name}” deleted; we no longer ship to its countries.` }
  })
}

function methodValues(input: MethodInput): { ok: true; values: Omit<typeof shippingMethods.$inferInsert, 'zoneId'> } | { ok: false; error: string; fieldErrors: Record<string, string[]> } {
  let bands: { from: number; to: number | null; priceCents: number }[] = []
  if (input.bandBasis) {
    const parsed = parseBands(input.bands, input.bandBasis)
    if (!parsed.ok) return { ok: false, error: fix, fieldErrors: { bands: [parsed.error] } }
    bands = parsed.bands
  }
  return {
    ok: true,
    values: {
      name: input.name,
      priceCents: input.price,
      freeOverCents: input.freeOver,
      bandBasis: input.bandBasis,
      bands,
      minDeliveryDays: input.minDeliveryDays,
      maxDeliveryDays: input.maxDeliveryDays,
      active: input.active,
    },
  }
}

export async function createMethod(actor: Actor, input: MethodInput): Promise<ShippingResult> {
  const checked = methodValues(input)
  if (!checked.ok) return checked
  return db.transaction(async (tx) => {
    const [zone] = await tx.select({ id: shippingZones.id }).from(shippingZones).where(eq(shippingZones.id, input.zoneId)).for('update')
    if (!zone) return { ok: false, error: 'That zone no longer exists. Reload the page.' }
    const [method] = await tx
      .insert(shippingMethods)
      .values({ ...checked.values, zoneId: zone.id, position: sql`(select coalesce(max(position), -1) + 1 from shipping_methods where zone_id = ${zone.id})` })
      .returning()
    if (!method) throw new Error('method not written')
    await recordAudit(tx, { actor, action: 'shipping.method.create', entityType: 'shipping_method', entityId: method.id, before: null, after: method })
    return { ok: true, message: `Shipping method “${method.name}” added.` }
  })
}

export async function updateMethod(actor: Actor, input: MethodInput & { id: number }): Promise<ShippingResult> {
  const checked = methodValues(input)
  if (!checked.ok) return checked
  return db.transaction(async (tx) => {
    const [before] = await tx
      .select()
      .from(shippingMethods)
      .where(and(eq(shippingMethods.id, input.id), eq(shippingMethods.zoneId, input.zoneId)))
      .for('update')
    if (!before) return { ok: false, error: 'That shipping method no longer exists in this zone. Reload the page.' }
    const [after] = await tx.update(shippingMethods).set(checked.values).where(eq(shippingMethods.id, input.id)).returning()
    await recordAudit(tx, { actor, action: 'shipping.method.update', entityType: 'shipping_method', entityId: input.id, before, after })
    return { ok: true, message: `Shipping method “${input.name}” saved.` }
  })
}

export async function deleteMethod(actor: Actor, id: number): Promise<ShippingResult> {
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(shippingMethods).where(eq(shippingMethods.id, id)).for('update')
    if (!before) return { ok: false, error: 'That shipping method no longer exists. Reload the page.' }
    await tx.delete(shippingMethods).where(eq(shippingMethods.id, id))
    await recordAudit(tx, { actor, action: 'shipping.method.delete', entityType: 'shipping_method', entityId: id, before, after: null })
    return { ok: true, message: `Shipping method “${before.name}” deleted. Past orders keep its name.` }
  })
}
