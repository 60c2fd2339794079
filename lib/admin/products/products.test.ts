import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { sql } from '@/db/client'
import { auditEntries, cleanUpFixtures, insertOrder, productBySlug, someCategoryId, trackProduct } from '@/lib/testing/admin'
import { createTestUser, expectFailure, formData, outcomeOf, signInAs, type TestUser } from '@/lib/testing/auth'
import { cacheCalls } from '@/lib/testing/next-cache'
import { adjustStockAction, deleteProductAction, manageProductImagesAction, saveProductAction, uploadProductImagesAction } from './actions'
import { listAdminProducts, listStockHistory, parseProductListParams } from './queries'

vi.mock('next-auth', () => import('@/lib/testing/next-auth-mock'))
vi.mock('next/headers', () => import('@/lib/testing/next-headers-mock'))

let admin: TestUser
let categoryId: number

beforeAll(async () => {
  admin = await createTestUser({ role: 'admin' })
  categoryId = await someCategoryId()
})
beforeEach(() => signInAs(admin))
afterAll(cleanUpFixtures)

function productForm(fields: Record<string, string>) {
  return formData({ name: 'Test Lamp', price: '19.99', stock: '5', categoryId: String(categoryId), description: 'A lamp.', active: 'on', ...fields })
}

/** Creates a product through the action and returns its row (the action redirects to its page). */
async function create(fields: Record<string, string>) {
  const outcome = await outcomeOf(saveProductAction(null, productForm(fields)))
  expect(outcome).toMatchObject({ kind: 'redirect', url: expect.stringMatching(/^\/admin\/products\/\d+\?created=1$/) })
  const id = Number(/\/(\d+)\?/.exec(outcome.kind === 'redirect' ? outcome.url : '')?.[1])
  trackProduct(id)
  const [row] = await sql<{ slug: string }[]>`select slug from products where id = ${id}`
  const product = await productBySlug(row?.slug ?? '')
  if (!product) throw new Error('created product not found')
  return product
}

describe('products', () => {
  it('creates a product with the price in cents, a slug from its name, opening stock history and an audit entry', async () => {
    const product = await create({ name: 'Brass Desk Lamp № 5', price: '19.99' })
    expect(product).toMatchObject({ slug: 'brass-desk-lamp-no-5', price_cents: 1999, stock: 5, active: true, featured: false, category_id: categoryId })
    expect(await listStockHistory(product.id)).toMatchObject([{ delta: 5, stockAfter: 5, reason: 'adjustment', note: 'Opening stock', byEmail: admin.email }])
    expect(await auditEntries('product', product.id)).toMatchObject([{ action: 'product.create', actor_email: admin.email, before: null, after: { slug: 'brass-desk-lamp-no-5', priceCents: 1999 } }])
  })

  it('gives a second product of the same name a free slug, and refuses a slug that is taken', async () => {
    const first = await create({ name: 'Twin Mug' })
    const second = await create({ name: 'Twin Mug' })
    expect(first.slug).toBe('twin-mug')
    expect(second.slug).toBe('twin-mug-2')
    const refused = expectFailure(await saveProductAction(null, productForm({ name: 'Other', slug: 'twin-mug' })))
    expect(refused.fieldErrors?.slug?.[0]).toMatch(/already uses this slug/)
    const renamed = expectFailure(await saveProductAction(null, productForm({ id: String(second.id), slug: 'twin-mug' })))
    expect(renamed.fieldErrors?.slug).toBeDefined()
    expect((await productBySlug('twin-mug-2'))?.id).toBe(second.id)
  })

  it('refuses bad input with a message per field and writes nothing', async () => {
    const [{ count: before } = { count: 0 }] = await sql<{ count: number }[]>`select count(*)::int as count from products`
    for (const [field, value] of [
      ['price', '-3'],
      ['price', '1.999'],
      ['price', 'ten'],
      ['stock', '-1'],
      ['stock', '2.5'],
      ['name', '  '],
      ['categoryId', '999999'],
      ['slug', 'Bad Slug!'],
    ] as const) {
      const state = expectFailure(await saveProductAction(null, productForm({ [field]: value })))
      expect(state.fieldErrors?.[field]?.[0], `${field}=${value}`).toEqual(expect.any(String))
    }
    const [{ count: after } = { count: 0 }] = await sql<{ count: number }[]>`select count(*)::int as count from products`
    expect(after).toBe(before)
  })

  it('edits every field but the stock, and audits before and after', async () => {
    const product = await create({ name: 'Editable Chair' })
    const state = await saveProductAction(null, productForm({ id: String(product.id), name: 'Edited Chair', slug: 'edited-chair', price: '120', stock: '999', featured: 'on', active: '' }))
    expect(state).toMatchObject({ ok: true })
    expect(await productBySlug('edited-chair')).toMatchObject({ id: product.id, name: 'Edited Chair', price_cents: 12000, stock: 5, featured: true, active: false })
    const entries = await auditEntries('product', product.id)
    expect(entries.at(-1)).toMatchObject({ action: 'product.update', before: { slug: 'editable-chair', priceCents: 1999 }, after: { slug: 'edited-chair', priceCents: 12000 } })
  })

  it('deletes a product nobody ordered, and archives one with orders', async () => {
    const unsold = await create({ name: 'Never Sold' })
    expect(await outcomeOf(deleteProductAction(null, formData({ id: String(unsold.id) })))).toEqual({ kind: 'redirect', url: '/admin/products?deleted=1' })
    expect(await productBySlug(unsold.slug)).toBeNull()
    expect((await auditEntries('product', unsold.id)).at(-1)).toMatchObject({ action: 'product.delete', after: null })

    const sold = await create({ name: 'Sold Once' })
    await insertOrder({ totalCents: 1999, items: [{ productId: sold.id, quantity: 1, unitPriceCents: 1999 }] })
    const state = await deleteProductAction(null, formData({ id: String(sold.id) }))
    expect(state).toMatchObject({ ok: true, message: expect.stringMatching(/archived/) })
    expect(await productBySlug(sold.slug)).toMatchObject({ active: false })
    expect((await auditEntries('product', sold.id)).at(-1)).toMatchObject({ action: 'product.archive' })
  })

  it('adjusts stock with a reason, keeps the history, and never goes below zero', async () => {
    const product = await create({ name: 'Stocked Vase', stock: '3' })
    const adjust = (delta: string, note = 'counted on shelf', reason = 'adjustment') => adjustStockAction(null, formData({ productId: String(product.id), delta, reason, note }))
    cacheCalls.expired.length = 0
    expect(await adjust('+7', 'delivery from supplier', 'restock')).toEqual({ ok: true, message: 'Stock is now 10.' })
    expect(await adjust('-4')).toEqual({ ok: true, message: 'Stock is now 6.' })
    // In stock all along: the product's page shows the new count, no card changes.
    expect(cacheCalls.expired).toEqual([`catalog:product:${product.slug}`, `catalog:product:${product.slug}`])
    const refused = expectFailure(await adjust('-7'))
    expect(refused.fieldErrors?.delta?.[0]).toMatch(/cannot go below zero: there are 6 in stock/)
    expectFailure(await adjust('0'))
    expect(expectFailure(await adjust('2', '')).fieldErrors?.note).toBeDefined()
    expect((await productBySlug(product.slug))?.stock).toBe(6)
    expect((await listStockHistory(product.id)).map((row) => [row.delta, row.stockAfter, row.reason])).toEqual([
      [-4, 6, 'adjustment'],
      [7, 10, 'restock'],
      [3, 3, 'adjustment'],
    ])
    expect((await auditEntries('product', product.id)).filter((entry) => entry.action === 'product.stock_adjust')).toHaveLength(2)
  })

  it('lets only one of two concurrent removals through when there is stock for one', async () => {
    const product = await create({ name: 'Last One', stock: '1' })
    cacheCalls.expired.length = 0
    const results = await Promise.all([1, 2].map(() => adjustStockAction(null, formData({ productId: String(product.id), delta: '-1', reason: 'adjustment', note: 'broken in store' }))))
    expect(results.filter((result) => result?.ok)).toHaveLength(1)
    expect((await productBySlug(product.slug))?.stock).toBe(0)
    // Sold out now: its cards must say so.
    expect(cacheCalls.expired.toSorted()).toEqual(['catalog:cards', `catalog:product:${product.slug}`])
  })

  it('stores uploaded images checked by their bytes, and reorders, relabels and removes them', async () => {
    const product = await create({ name: 'Pictured Bowl' })
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13])
    const gif = new Uint8Array([...'GIF89a'].map((char) => char.charCodeAt(0)))
    const upload = (files: File[]) => {
      const form = formData({ productId: String(product.id), alt: 'A bowl' })
      for (const file of files) form.append('images', file)
      return uploadProductImagesAction(null, form)
    }
    // A text file calling itself a PNG, and a 6 MB file, are refused; nothing is stored.
    expect(expectFailure(await upload([new File(['hello'], 'fake.png', { type: 'image/png' })])).fieldErrors?.images?.[0]).toMatch(/not a PNG, JPEG, WebP or GIF/)
    const huge = new Uint8Array(6 * 1024 * 1024)
    huge.set(png)
    expect(expectFailure(await upload([new File([huge], 'huge.png', { type: 'image/png' })])).fieldErrors?.images?.[0]).toMatch(/5 MB or smaller/)
    expect(await sql`select 1 from product_images where product_id = ${product.id}`).toHaveLength(0)

    expect(await upload([new File([png], 'a.png', { type: 'text/plain' }), new File([gif], 'b.gif')])).toMatchObject({ ok: true, message: '2 images added.' })
    const images = () => sql<{ id: number; url: string; alt: string; position: number }[]>`select id, url, alt, position from product_images where product_id = ${product.id} order by position`
    const [first, second] = await images()
    expect(first?.url).toMatch(/^\/uploads\/[a-f0-9]{24}\.png$/)
    expect(second?.url).toMatch(/\.gif$/)

    const manage = (intent: string, extra: Record<string, string> = {}) => manageProductImagesAction(null, formData({ productId: String(product.id), intent, ...extra }))
    expect(await manage(`down:${first?.id}`, { [`alt-${second?.id}`]: 'Bowl from above' })).toMatchObject({ ok: true })
    expect((await images()).map((image) => [image.id, image.alt, image.position])).toEqual([
      [second?.id, 'Bowl from above', 0],
      [first?.id, 'A bowl', 1],
    ])
    expect(await manage(`delete:${second?.id}`)).toMatchObject({ ok: true, message: 'Image removed.' })
    expect((await images()).map((image) => [image.id, image.position])).toEqual([[first?.id, 0]])
    expect(expectFailure(await manage('delete:999999')).error).toBe('That image no longer exists.')
  })

  it('lists products on the server with search, filters, sort and pagination', async () => {
    const lamp = await create({ name: 'Zebra Filter Lamp', stock: '0' })
    await create({ name: 'Zebra Filter Stool', stock: '3' })
    const list = (query: Record<string, string>) => listAdminProducts(parseProductListParams(query))
    expect((await list({ q: 'zebra filter' })).rows.map((row) => row.name).sort()).toEqual(['Zebra Filter Lamp', 'Zebra Filter Stool'])
    expect((await list({ q: 'zebra filter', stock: 'out' })).rows.map((row) => row.id)).toEqual([lamp.id])
    expect((await list({ q: 'zebra filter', stock: 'low' })).rows.map((row) => row.name)).toEqual(['Zebra Filter Stool'])
    expect((await list({ q: 'zebra filter', sort: 'name', dir: 'desc' })).rows.map((row) => row.name)).toEqual(['Zebra Filter Stool', 'Zebra Filter Lamp'])
    expect((await list({ q: '100%_' })).rows).toEqual([])
    const all = await list({ sort: 'price', dir: 'asc' })
    const page2 = await list({ sort: 'price', dir: 'asc', page: '2' })
    expect(all.rows).toHaveLength(25)
    expect(all.pageCount).toBeGreaterThan(1)
    expect(page2.rows.some((row) => all.rows.some((other) => other.id === row.id))).toBe(false)
    expect((await list({ status: 'archived', q: 'zebra filter' })).rows).toEqual([])
  })
})
