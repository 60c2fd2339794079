/**
 * Big numbers (issue 9, item 6): every id, price, quantity and total is bounded before it
 * reaches a column, and what still overflows a column becomes the action's message, not a 500.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { sql } from '@/db/client'
import { deleteAddressAction, setDefaultAddressAction } from '@/lib/account/actions'
import { saveAddress } from '@/lib/account/addresses'
import * as categoryActions from '@/lib/admin/categories/actions'
import * as customerActions from '@/lib/admin/customers/actions'
import * as orderActions from '@/lib/admin/orders/actions'
import * as productActions from '@/lib/admin/products/actions'
import { planProductImport } from '@/lib/admin/products/import'
import * as feedbackAdminActions from '@/lib/feedback/admin-actions'
import { startCheckout } from '@/lib/orders/checkout'
import * as moderationActions from '@/lib/reviews/moderation-actions'
import { cleanUpFixtures, someCategoryId, trackProduct } from '@/lib/testing/admin'
import { createTestUser, formData, outcomeOf, signInAs, type TestUser } from '@/lib/testing/auth'
import { createCartWith, createTestProduct, stockOf } from '@/lib/testing/commerce'

vi.mock('next-auth', () => import('@/lib/testing/next-auth-mock'))
vi.mock('next/headers', () => import('@/lib/testing/next-headers-mock'))

const HUGE = '99999999999' // > 2^31 - 1

let admin: TestUser
let categoryId: number
beforeAll(async () => {
  admin = await createTestUser({ role: 'admin' })
  categoryId = await someCategoryId()
})
beforeEach(() => signInAs(admin))
afterAll(cleanUpFixtures)

describe('prices', () => {
  it('refuses a price above $999,999.99 with a message on the price field, and saves nothing', async () => {
    const slug = `zz-huge-price-${Date.now()}`
    for (const price of ['21474836.47', '1000000', '999999999.99']) {
      const outcome = await outcomeOf(productActions.saveProductAction(null, formData({ name: 'Gold Lamp', slug, price, stock: '1', categoryId: String(categoryId) })))
      expect(outcome).toMatchObject({ kind: 'returned', value: { ok: false, fieldErrors: { price: ['Enter a price of at most $999,999.99.'] } } })
    }
    expect(await sql`select 1 from products where slug = ${slug}`).toHaveLength(0)
    const outcome = await outcomeOf(productActions.saveProductAction(null, formData({ name: 'Gold Lamp', slug, price: '999999.99', stock: '1', categoryId: String(categoryId) })))
    expect(outcome).toMatchObject({ kind: 'redirect' })
    const [row] = await sql<{ id: number; price_cents: number }[]>`select id, price_cents from products where slug = ${slug}`
    trackProduct(row?.id ?? 0)
    expect(row?.price_cents).toBe(99_999_999)
  })

  it('reports a CSV row with a huge price as that row’s error', async () => {
    const category = (await sql<{ slug: string }[]>`select slug from categories where id = ${categoryId}`)[0]?.slug
    const csv = `slug,name,price,category\nzz-ok-row,Fine,12.50,${category}\nzz-huge-row,Huge,999999999.99,${category}\nzz-int-row,Int,21474836.48,${category}\n`
    const planned = await planProductImport(csv)
    expect(planned.ok).toBe(true)
    if (!planned.ok) return
    expect(planned.plan.report).toMatchObject({ rows: 3, valid: 1, errorCount: 2 })
    expect(planned.plan.report.errors).toEqual([
      { line: 3, handle: 'zz-huge-row', messages: [expect.stringContaining('$999,999.99')] },
      { line: 4, handle: 'zz-int-row', messages: [expect.stringContaining('$999,999.99')] },
    ])
  })
})

describe('ids above 2^31 in admin actions', () => {
  const idFields = { id: HUGE, productId: HUGE, orderId: HUGE, reviewId: HUGE, feedbackId: HUGE, categoryId: HUGE, parentId: HUGE, userId: HUGE }
  // Every other field plausible, so the id is what the action has to cope with.
  const otherFields = {
    name: 'Lamp',
    price: '10',
    stock: '1',
    description: '',
    carrier: 'UPS',
    trackingNumber: '1Z999AA1',
    amount: '1',
    restock: '',
    reason: 'restock',
    delta: '1',
    note: 'counted on shelf',
    direction: 'up',
    status: 'read',
    adminNote: '',
    intent: 'save',
    alt: '',
    role: 'admin',
    mode: 'preview',
  }
  const modules = { categoryActions, customerActions, orderActions, productActions, feedbackAdminActions, moderationActions }
  const cases = Object.entries(modules).flatMap(([module, actions]) => Object.entries(actions).map(([name, action]) => ({ module, name, action })))

  it.each(cases)('$name ($module) answers with an error, never a throw', async ({ action }) => {
    const outcome = await outcomeOf((action as (state: null, form: FormData) => Promise<unknown>)(null, formData({ ...idFields, ...otherFields })))
    expect(outcome).toMatchObject({ kind: 'returned', value: { ok: false, error: expect.any(String) } })
  })

  it('turns a stock count that would overflow its column into the form’s message', async () => {
    const product = await createTestProduct({ stock: 2_147_000_000 })
    trackProduct(product.id)
    const outcome = await outcomeOf(productActions.adjustStockAction(null, formData({ productId: String(product.id), delta: '9999999', reason: 'restock', note: 'counted on shelf' })))
    expect(outcome).toMatchObject({ kind: 'returned', value: { ok: false, error: expect.stringMatching(/too large/) } })
    expect(await stockOf(product.id)).toBe(2_147_000_000)
  })
})

describe('order totals', () => {
  it('refuses, with the limit in the message, a cart whose total passes what one payment can take (and 2^31 cents)', async () => {
    const product = await createTestProduct({ stock: 50, priceCents: 99_999_999 })
    trackProduct(product.id)
    const cartId = await createCartWith([{ product, quantity: 30 }]) // $29,999,999.70
    const result = await startCheckout({ cartId, userId: null, email: 'big-spender@example.com' })
    expect(result).toEqual({ ok: false, error: expect.stringMatching(/at most \$999,999\.99, and this one is \$29,999,999\.70/) })
    expect(await stockOf(product.id)).toBe(50)
    expect(await sql`select 1 from order_items where product_id = ${product.id}`).toHaveLength(0)
  })

  it('checks out the largest order that can be paid, with its totals exact', async () => {
    // Not cleaned up: a product with an order stays, like the checkout tests' fixtures.
    const product = await createTestProduct({ stock: 5, priceCents: 99_999_999 })
    const cartId = await createCartWith([{ product, quantity: 1 }])
    const result = await startCheckout({ cartId, userId: null, email: 'big-spender@example.com' })
    expect(result).toMatchObject({ ok: true })
    if (!result.ok) return
    const [order] = await sql`select subtotal_cents, shipping_cents, total_cents from orders where id = ${result.orderId}`
    expect(order).toEqual({ subtotal_cents: 99_999_999, shipping_cents: 0, total_cents: 99_999_999 })
  })
})

describe('address actions', () => {
  it('say the address no longer exists for a huge, malformed or someone else’s id, and change nothing', async () => {
    const owner = await createTestUser()
    const other = await createTestUser()
    const home = { fullName: 'Owner', line1: '1 Main St', line2: '', city: 'Springfield', region: '', postalCode: '12345', country: 'US', phone: '', isDefault: false }
    const first = (await saveAddress(owner.id, null, home)) ?? 0
    const second = (await saveAddress(owner.id, null, { ...home, line1: '2 Side St' })) ?? 0
    const snapshot = () => sql`select * from addresses where user_id = ${owner.id} order by id`
    const before = await snapshot()
    signInAs(other)
    for (const addressId of [HUGE, 'abc', '', String(first)]) {
      for (const action of [deleteAddressAction, setDefaultAddressAction]) {
        expect(await action(null, formData({ addressId }))).toMatchObject({ ok: false, error: 'That address no longer exists.' })
      }
    }
    expect(await snapshot()).toEqual(before)
    signInAs(owner)
    expect(await setDefaultAddressAction(null, formData({ addressId: String(second) }))).toMatchObject({ ok: true })
    expect(await deleteAddressAction(null, formData({ addressId: String(first) }))).toMatchObject({ ok: true })
    expect(await deleteAddressAction(null, formData({ addressId: String(first) }))).toMatchObject({ ok: false, error: 'That address no longer exists.' })
  })
})
