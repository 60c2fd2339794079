import { beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { sql } from '@/db/client'
import { auditEntries } from '@/lib/testing/admin'
import { createTestUser, expectFailure, expectForbidden, expectRedirect, formData, signInAs, type TestUser } from '@/lib/testing/auth'
import { uniqueCode } from '@/lib/testing/promotions'
import { createPromotionAction, setPromotionActiveAction, updatePromotionAction } from './actions'

let admin: TestUser
beforeAll(async () => {
  admin = await createTestUser({ role: 'admin' })
})
beforeEach(() => signInAs(admin))

const base = (fields: Record<string, string> = {}) => formData({ name: 'Weekend sale', kind: 'percentage', percent: '20', scope: 'order', active: 'on', ...fields })

async function promotionByCode(code: string) {
  const [row] = await sql<
    { id: number; name: string; kind: string; percent_basis_points: number | null; amount_cents: number | null; active: boolean; usage_limit: number | null; ends_at: Date | null }[]
  >`
    select id, name, kind, percent_basis_points, amount_cents, active, usage_limit, ends_at from promotions where code = ${code}`
  return row
}

describe('admin promotions', () => {
  it('creates a code (normalized), edits it and pauses it, each in the audit log', async () => {
    const code = uniqueCode('WEEKEND')
    await expectRedirect(createPromotionAction(null, base({ code: ` ${code.toLowerCase()} `, usageLimit: '100', endsAt: '2026-12-31T23:59' })))
    const created = await promotionByCode(code)
    expect(created).toMatchObject({ name: 'Weekend sale', kind: 'percentage', percent_basis_points: 2_000, amount_cents: null, active: true, usage_limit: 100 })
    expect(new Date(created?.ends_at ?? 0).toISOString()).toBe('2026-12-31T23:59:00.000Z')
    const id = String(created?.id)

    expect(await updatePromotionAction(null, base({ id, code, kind: 'fixed', amount: '7.50', percent: '20' }))).toMatchObject({ ok: true })
    expect(await promotionByCode(code)).toMatchObject({ kind: 'fixed', amount_cents: 750, percent_basis_points: null, usage_limit: null })

    expect(await setPromotionActiveAction(null, formData({ id, active: 'false' }))).toMatchObject({ ok: true, message: '“Weekend sale” is paused: shoppers can no longer use it.' })
    expect((await promotionByCode(code))?.active).toBe(false)
    expect((await auditEntries('promotion', id)).map((entry) => entry.action)).toEqual(['promotion.create', 'promotion.update', 'promotion.pause'])
  })

  it('refuses impossible promotions with a sentence on the field, and writes nothing', async () => {
    const code = uniqueCode('BAD')
    const cases: [Record<string, string>, string, RegExp][] = [
      [{ percent: '-10' }, 'percent', /greater than 0 and at most 100/],
      [{ percent: '150' }, 'percent', /greater than 0 and at most 100/],
      [{ percent: '0' }, 'percent', /greater than 0/],
      [{ kind: 'fixed', amount: '-5' }, 'amount', /not negative/],
      [{ kind: 'fixed', amount: '' }, 'amount', /greater than zero/],
      [{ startsAt: '2026-12-10T00:00', endsAt: '2026-12-01T00:00' }, 'endsAt', /end must be after the start/],
      [{ scope: 'items' }, 'categoryIds', /at least one category or product/],
      [{ code: 'a b!' }, 'code', /3 to 32 letters/],
      [{ usageLimit: '0' }, 'usageLimit', /greater than zero/],
      [{ name: '' }, 'name', /name/],
    ]
    for (const [fields, field, message] of cases) {
      const failure = expectFailure(await createPromotionAction(null, base({ code, ...fields })))
      expect(failure.fieldErrors?.[field]?.[0]).toMatch(message)
    }
    expect(await promotionByCode(code)).toBeUndefined()
  })

  it('refuses product or category numbers that name nothing, on create and on edit', async () => {
    const code = uniqueCode('TYPO')
    const [missing] = await sql<{ id: number }[]>`select coalesce(max(id), 0) + 1000 as id from products`
    const typo = expectFailure(await createPromotionAction(null, base({ code, scope: 'items', productIds: String(missing?.id) })))
    expect(typo.fieldErrors?.productIds?.[0]).toBe(`No product has the number ${missing?.id}. The products list shows each product’s number.`)
    expect(await promotionByCode(code)).toBeUndefined()
    const [real] = await sql<{ id: number }[]>`select id from products order by id limit 1`
    await expectRedirect(createPromotionAction(null, base({ code, scope: 'items', productIds: String(real?.id) })))
    const id = String((await promotionByCode(code))?.id)
    const [noCategory] = await sql<{ id: number }[]>`select coalesce(max(id), 0) + 1000 as id from categories`
    const edited = expectFailure(await updatePromotionAction(null, base({ id, code, scope: 'items', productIds: String(real?.id), categoryIds: String(noCategory?.id) })))
    expect(edited.fieldErrors?.categoryIds?.[0]).toBe(`No category has the number ${noCategory?.id}.`)
  })

  it('refuses a code another promotion already uses', async () => {
    const code = uniqueCode('TWIN')
    await expectRedirect(createPromotionAction(null, base({ code })))
    expect(expectFailure(await createPromotionAction(null, base({ code: code.toLowerCase() }))).fieldErrors?.code?.[0]).toBe(`Another promotion already uses the code ${code}.`)
  })

  it('is for admins only', async () => {
    signInAs(await createTestUser())
    await expectForbidden(createPromotionAction(null, base({ code: uniqueCode() })))
  })
})
