/** The tax-rate table through the admin actions, and the rule the checkout reads for a destination. */
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { sql } from '@/db/client'
import { auditEntries, someCategoryId } from '@/lib/testing/admin'
import { createTestUser, expectFailure, formData, signInAs, type TestUser } from '@/lib/testing/auth'
import { deleteTaxRateAction, saveCategoryTaxAction, saveTaxRateAction } from './actions'
import { categoryTaxOf, taxRuleFor } from './queries'

vi.mock('next-auth', () => import('@/lib/testing/next-auth-mock'))
vi.mock('next/headers', () => import('@/lib/testing/next-headers-mock'))

let admin: TestUser
beforeAll(async () => {
  admin = await createTestUser({ role: 'admin' })
})
beforeEach(() => signInAs(admin))
afterAll(async () => {
  await sql`delete from tax_rates where country in ('CA', 'SE')`
  await sql`delete from category_tax`
})

describe('tax rates', () => {
  it('uses the region’s rate, else the country’s, else none', async () => {
    expect(await saveTaxRateAction(null, formData({ country: 'CA', region: '', name: 'GST', rate: '5', shippingTaxable: 'on' }))).toEqual({
      ok: true,
      message: 'GST of 5% added for Canada.',
    })
    expect(await saveTaxRateAction(null, formData({ country: 'ca', region: 'on', name: 'HST', rate: '13' }))).toMatchObject({ ok: true })
    expect(await taxRuleFor({ country: 'CA', region: 'ON' })).toEqual({ mode: 'table', name: 'HST', ratePpm: 130_000, shippingTaxable: false, pricesIncludeTax: false })
    expect(await taxRuleFor({ country: 'CA', region: 'Quebec' })).toEqual({ mode: 'table', name: 'GST', ratePpm: 50_000, shippingTaxable: true, pricesIncludeTax: false })
    expect(await taxRuleFor({ country: 'CA', region: '' })).toMatchObject({ name: 'GST' })
    expect(await taxRuleFor({ country: 'SE', region: '' })).toEqual({ mode: 'none' })

    // Saving the same place again replaces its rate.
    expect(await saveTaxRateAction(null, formData({ country: 'CA', region: 'ON', name: 'HST', rate: '13.5' }))).toMatchObject({ ok: true, message: 'HST of 13.5% saved for ON, Canada.' })
    const [row] = await sql<{ id: number; rate_ppm: number }[]>`select id, rate_ppm from tax_rates where country = 'CA' and region = 'ON'`
    expect(row?.rate_ppm).toBe(135_000)
    expect((await auditEntries('tax_rate', row?.id ?? 0)).map((entry) => entry.action)).toEqual(['tax.rate.create', 'tax.rate.update'])
    expect(await deleteTaxRateAction(null, formData({ id: String(row?.id) }))).toMatchObject({ ok: true })
    expect(await taxRuleFor({ country: 'CA', region: 'ON' })).toMatchObject({ name: 'GST' })
  })

  it('refuses rates out of range or malformed, and saves nothing', async () => {
    for (const rate of ['101', '100.0001', '-5', 'abc', '8.87501', '']) {
      const refused = expectFailure(await saveTaxRateAction(null, formData({ country: 'SE', region: '', name: 'Moms', rate })))
      expect(refused.fieldErrors?.rate).toEqual(['Enter a rate from 0 to 100 percent, like 20 or 8.875 (at most 4 decimals, no negative rates).'])
    }
    expect(expectFailure(await saveTaxRateAction(null, formData({ country: 'Sweden', name: 'Moms', rate: '25' }))).fieldErrors?.country).toBeDefined()
    expect(expectFailure(await saveTaxRateAction(null, formData({ country: 'SE', name: '', rate: '25' }))).fieldErrors?.name).toBeDefined()
    expect(await sql`select 1 from tax_rates where country = 'SE'`).toHaveLength(0)
    // The edges are allowed.
    expect(await saveTaxRateAction(null, formData({ country: 'SE', name: 'Moms', rate: '100' }))).toMatchObject({ ok: true })
    expect(await saveTaxRateAction(null, formData({ country: 'SE', name: 'Moms', rate: '0' }))).toMatchObject({ ok: true })
  })
})

describe('category tax', () => {
  it('marks a category zero-rated with a Stripe tax code, and refuses a malformed code', async () => {
    const categoryId = await someCategoryId()
    expect(await saveCategoryTaxAction(null, formData({ categoryId: String(categoryId), zeroRated: 'on', stripeTaxCode: 'txcd_99999999' }))).toMatchObject({ ok: true })
    expect((await categoryTaxOf([categoryId])).get(categoryId)).toEqual({ zeroRated: true, stripeTaxCode: 'txcd_99999999' })
    expect(expectFailure(await saveCategoryTaxAction(null, formData({ categoryId: String(categoryId), stripeTaxCode: 'food' }))).fieldErrors?.stripeTaxCode).toBeDefined()
    expect(await saveCategoryTaxAction(null, formData({ categoryId: String(categoryId), stripeTaxCode: '' }))).toMatchObject({ ok: true })
    expect((await categoryTaxOf([categoryId])).get(categoryId)).toEqual({ zeroRated: false, stripeTaxCode: null })
  })
})
