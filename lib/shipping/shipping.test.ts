/**
 * Shipping zones and methods through the admin actions, and the lookups the cart and checkout make:
 * which methods a country gets, and which choices are refused (another zone's method, a tampered
 * id, a country we do not ship to, an order outside a method's bands).
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { sql } from '@/db/client'
import { auditEntries } from '@/lib/testing/admin'
import { createTestUser, expectFailure, formData, signInAs, type TestUser } from '@/lib/testing/auth'
import { createMethodAction, createZoneAction, deleteZoneAction, updateMethodAction, updateZoneAction } from './actions'
import { resolveShippingChoice, shippingOptionsFor } from './queries'

vi.mock('next-auth', () => import('@/lib/testing/next-auth-mock'))
vi.mock('next/headers', () => import('@/lib/testing/next-headers-mock'))

let admin: TestUser
let defaultZone: { id: number; name: string }

beforeAll(async () => {
  admin = await createTestUser({ role: 'admin' })
  const [zone] = await sql<{ id: number; name: string }[]>`select id, name from shipping_zones order by id limit 1`
  if (!zone) throw new Error('migration 0015 made no default zone')
  defaultZone = zone
})
beforeEach(() => signInAs(admin))

afterAll(async () => {
  // Other test files expect the migrated default: every country in the first zone.
  await sql`delete from shipping_zones where id <> ${defaultZone.id}`
  await sql`insert into shipping_zone_countries (country, zone_id) values ('AU', ${defaultZone.id}), ('NZ', ${defaultZone.id}) on conflict do nothing`
})

function zoneForm(fields: { id?: number; name: string; countries: string[] }) {
  const form = formData({ name: fields.name, ...(fields.id ? { id: String(fields.id) } : {}) })
  for (const country of fields.countries) form.append('countries', country)
  return form
}

const facts = { subtotalCents: 2_000, weightGrams: 0 }

describe('the migrated default zone', () => {
  it('offers Standard, Express and Local pickup to a US shopper, with delivery estimates', async () => {
    const options = await shippingOptionsFor('US', facts)
    expect(options).toMatchObject({
      ok: true,
      options: [
        { name: 'Standard', priceCents: 495, freeOverCents: 5_000, estimate: 'Arrives in 3–7 business days' },
        { name: 'Express', priceCents: 1_495, freeOverCents: null, estimate: 'Arrives in 1–2 business days' },
        { name: 'Local pickup', priceCents: 0, freeOverCents: null, estimate: 'Within 1 business day' },
      ],
    })
  })

  it('refuses a country we do not ship to', async () => {
    expect(await shippingOptionsFor('JP', facts)).toEqual({ ok: false, error: 'We do not ship to JP. Choose another country.' })
    expect(await resolveShippingChoice('BR', null, facts)).toMatchObject({ ok: false, error: expect.stringContaining('We do not ship to') })
  })
})

describe('zones and methods in the admin', () => {
  it('moves countries into a new zone only once they leave the old one, and the new zone’s methods are its own', async () => {
    const clash = expectFailure(await createZoneAction(null, zoneForm({ name: 'Oceania', countries: ['AU', 'NZ'] })))
    expect(clash.fieldErrors?.countries?.[0]).toBe(
      `Australia is already in “${defaultZone.name}”; New Zealand is already in “${defaultZone.name}”. A country belongs to one zone: take it out of the other zone first.`,
    )

    const [before] = await sql<{ countries: string[] }[]>`select array_agg(country::text order by country) as countries from shipping_zone_countries where zone_id = ${defaultZone.id}`
    const rest = (before?.countries ?? []).filter((country) => country !== 'AU' && country !== 'NZ')
    expect(await updateZoneAction(null, zoneForm({ id: defaultZone.id, name: defaultZone.name, countries: rest }))).toMatchObject({ ok: true })
    expect(await createZoneAction(null, zoneForm({ name: 'Oceania', countries: ['NZ', 'AU', 'AU'] }))).toMatchObject({ ok: true })
    const [oceania] = await sql<{ id: number }[]>`select zone_id as id from shipping_zone_countries where country = 'AU'`
    expect(oceania?.id).not.toBe(defaultZone.id)
    const zoneId = String(oceania?.id)

    expect(
      await createMethodAction(
        null,
        formData({ zoneId, name: 'Air parcel', price: '0', bandBasis: 'weight', bands: '0-1000 19.95\n1000-5000 39.95', minDeliveryDays: '5', maxDeliveryDays: '10', active: 'on' }),
      ),
    ).toMatchObject({ ok: true })
    expect(await shippingOptionsFor('AU', { subtotalCents: 2_000, weightGrams: 1_200 })).toMatchObject({ ok: true, options: [{ name: 'Air parcel', priceCents: 3_995, freeOverCents: null }] })
    expect(await shippingOptionsFor('NZ', { subtotalCents: 2_000, weightGrams: 6_000 })).toEqual({
      ok: false,
      error: 'No shipping method to New Zealand takes this order. Change the cart or the country.',
    })

    // A method of the US zone cannot be chosen for Australia, nor a made-up id.
    const [express] = await sql<{ id: number }[]>`select id from shipping_methods where zone_id = ${defaultZone.id} and name = 'Express'`
    expect(await resolveShippingChoice('AU', express?.id ?? 0, facts)).toEqual({ ok: false, error: 'That shipping method is not available to Australia. Choose one of the methods shown.' })
    expect(await resolveShippingChoice('US', 2_147_483_647, facts)).toMatchObject({ ok: false })
    expect(await resolveShippingChoice('US', express?.id ?? 0, facts)).toMatchObject({ ok: true, choice: { name: 'Express', priceCents: 1_495 }, zoneCountries: expect.not.arrayContaining(['AU']) })

    expect((await auditEntries('shipping_zone', oceania?.id ?? 0))[0]).toMatchObject({ action: 'shipping.zone.create', actor_email: admin.email })
    expect(await deleteZoneAction(null, formData({ id: zoneId }))).toMatchObject({ ok: true })
    expect(await shippingOptionsFor('AU', facts)).toMatchObject({ ok: false })
  })

  it('refuses overlapping or backwards bands, a negative price, days that run backwards and an unknown country, saving nothing', async () => {
    const zoneId = String(defaultZone.id)
    const base = { zoneId, name: 'Zz Freight', price: '10', minDeliveryDays: '2', maxDeliveryDays: '4', active: 'on' }
    const count = async () => (await sql<{ n: number }[]>`select count(*)::int as n from shipping_methods where name = 'Zz Freight'`)[0]?.n
    expect(expectFailure(await createMethodAction(null, formData({ ...base, bandBasis: 'weight', bands: '0-1000 4.95\n500-2000 9.95' }))).fieldErrors?.bands).toEqual([
      'Bands overlap: 0 g–1000 g and 500 g–2000 g.',
    ])
    expect(expectFailure(await createMethodAction(null, formData({ ...base, bandBasis: 'subtotal', bands: '0-50 4.95\n80-60 2' }))).fieldErrors?.bands?.[0]).toMatch(/runs? upwards/)
    expect(expectFailure(await createMethodAction(null, formData({ ...base, bandBasis: '', price: '-3' }))).fieldErrors?.price).toBeDefined()
    expect(expectFailure(await createMethodAction(null, formData({ ...base, bandBasis: '', maxDeliveryDays: '1' }))).fieldErrors?.maxDeliveryDays).toEqual([
      'The slowest delivery cannot be faster than the fastest.',
    ])
    expect(expectFailure(await createMethodAction(null, formData({ ...base, bandBasis: 'volume' }))).fieldErrors?.bandBasis).toBeDefined()
    expect(expectFailure(await createZoneAction(null, zoneForm({ name: 'Far away', countries: ['JP'] }))).fieldErrors?.countries).toBeDefined()
    expect(expectFailure(await createZoneAction(null, zoneForm({ name: 'Nowhere', countries: [] }))).fieldErrors?.countries).toEqual(['Choose at least one country.'])
    expect(await count()).toBe(0)

    // A method id from another zone cannot be edited through this one.
    expect(expectFailure(await updateMethodAction(null, formData({ ...base, bandBasis: '', id: '2147483647' }))).error).toBe('That shipping method no longer exists in this zone. Reload the page.')
  })
})
