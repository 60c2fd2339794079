import 'server-only'
import { and, asc, eq } from 'drizzle-orm'
import { db, type Executor } from '@/db/client'
import { shippingMethods, shippingZoneCountries, shippingZones } from '@/db/schema'
import { deliveryEstimate, type OrderFacts, type ShippingChoice, type ShippingMethodRule, shippingChoice } from './rates'
import { countryName } from './validation'

export type ShippingMethodRow = ShippingMethodRule & { zoneId: number; active: boolean; position: number }
export type ShippingZoneView = { id: number; name: string; countries: string[]; methods: ShippingMethodRow[] }

const methodColumns = {
  id: shippingMethods.id,
  zoneId: shippingMethods.zoneId,
  name: shippingMethods.name,
  priceCents: shippingMethods.priceCents,
  freeOverCents: shippingMethods.freeOverCents,
  bandBasis: shippingMethods.bandBasis,
  bands: shippingMethods.bands,
  minDeliveryDays: shippingMethods.minDeliveryDays,
  maxDeliveryDays: shippingMethods.maxDeliveryDays,
  active: shippingMethods.active,
  position: shippingMethods.position,
}

/** Every zone with its countries and methods (inactive ones too), for the admin. */
export async function listShippingZones(): Promise<ShippingZoneView[]> {
  const [zones, countries, methods] = await Promise.all([
    db.select({ id: shippingZones.id, name: shippingZones.name }).from(shippingZones).orderBy(asc(shippingZones.position), asc(shippingZones.id)),
    db.select().from(shippingZoneCountries).orderBy(asc(shippingZoneCountries.country)),
    db.select(methodColumns).from(shippingMethods).orderBy(asc(shippingMethods.position), asc(shippingMethods.id)),
  ])
  return zones.map((zone) => ({
    ...zone,
    countries: countries.filter((row) => row.zoneId === zone.id).map((row) => row.country),
    methods: methods.filter((method) => method.zoneId === zone.id),
  }))
}

/** Every country some zone ships to, sorted by name, for the cart's country picker. */
export async function shippableCountries(): Promise<{ code: string; name: string }[]> {
  const rows = await db.select({ country: shippingZoneCountries.country }).from(shippingZoneCountries)
  return rows.map((row) => ({ code: row.country, name: countryName(row.country) })).sort((a, b) => a.name.localeCompare(b.name))
}

type Zone = { id: number; name: string; countries: string[]; methods: ShippingMethodRow[] }

/** The zone shipping to a country, with its active methods; null when we do not ship there. */
export async function zoneForCountry(country: string, executor: Executor = db): Promise<Zone | null> {
  const [match] = await executor
    .select({ id: shippingZones.id, name: shippingZones.name })
    .from(shippingZoneCountries)
    .innerJoin(shippingZones, eq(shippingZones.id, shippingZoneCountries.zoneId))
    .where(eq(shippingZoneCountries.country, country))
  if (!match) return null
  const [countries, methods] = await Promise.all([
    executor.select({ country: shippingZoneCountries.country }).from(shippingZoneCountries).where(eq(shippingZoneCountries.zoneId, match.id)).orderBy(asc(shippingZoneCountries.country)),
    executor
      .select(methodColumns)
      .from(shippingMethods)
      .where(and(eq(shippingMethods.zoneId, match.id), eq(shippingMethods.active, true)))
      .orderBy(asc(shippingMethods.position), asc(shippingMethods.id)),
  ])
  return { ...match, countries: countries.map((row) => row.country), methods }
}

export type ShippingOption = ShippingChoice & { estimate: string; minDeliveryDays: number; maxDeliveryDays: number }

export type ShippingOptions = { ok: true; zoneCountries: string[]; options: ShippingOption[] } | { ok: false; error: string }

/** The methods a shopper can choose for this destination and order, with their price before any free-over threshold. */
export async function shippingOptionsFor(country: string, facts: OrderFacts, executor: Executor = db): Promise<ShippingOptions> {
  const zone = await zoneForCountry(country, executor)
  if (!zone) return { ok: false, error: `We do not ship to ${countryName(country)}. Choose another country.` }
  const options = zone.methods.flatMap((method) => {
    const choice = shippingChoice(method, facts)
    return choice ? [{ ...choice, estimate: deliveryEstimate(method), minDeliveryDays: method.minDeliveryDays, maxDeliveryDays: method.maxDeliveryDays }] : []
  })
  if (options.length === 0) return { ok: false, error: `No shipping method to ${countryName(country)} takes this order. Change the cart or the country.` }
  return { ok: true, zoneCountries: zone.countries, options }
}

/**
 * The method the shopper chose, checked against the destination: it must be an active method of
 * the destination's zone that takes this order. No choice (null) means the zone's first method.
 */
export async function resolveShippingChoice(
  country: string,
  methodId: number | null,
  facts: OrderFacts,
  executor: Executor = db,
): Promise<{ ok: true; choice: ShippingOption; zoneCountries: string[] } | { ok: false; error: string }> {
  const available = await shippingOptionsFor(country, facts, executor)
  if (!available.ok) return available
  const choice = methodId === null ? available.options[0] : available.options.find((option) => option.methodId === methodId)
  if (!choice) return { ok: false, error: `That shipping method is not available to ${countryName(country)}. Choose one of the methods shown.` }
  return { ok: true, choice, zoneCountries: available.zoneCountries }
}
