import { randomUUID } from 'node:crypto'
import { sql as drizzleSql } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { db, sql } from '@/db/client'
import { adjustStock as adjustProductStock, createProduct, updateProduct } from '@/lib/admin/products/service'
import { adjustStock } from '@/lib/inventory/stock'
import { createTestUser } from '@/lib/testing/auth'
import { createTestProductWithVariants } from '@/lib/testing/commerce'
import { searchProducts } from './search'
import { parseSearchParams } from './search-params'
import { refreshProductSummaries } from './variants'

const summary = async (id: number) => (await sql<{ price_cents: number; max_price_cents: number; stock: number }[]>`select price_cents, max_price_cents, stock from products where id = ${id}`)[0]

const jacket = () =>
  createTestProductWithVariants({
    options: [{ name: 'Size', values: ['S', 'M', 'L'] }],
    variants: [
      { values: ['S'], priceCents: 8_900, stock: 4 },
      { values: ['M'], priceCents: 9_400, stock: 0 },
      { values: ['L'], priceCents: 12_000, stock: 7, active: false },
    ],
  })

describe('derived listing fields', () => {
  it('are the lowest and highest active variant price and the stock of active variants, after every kind of change', async () => {
    const product = await jacket()
    const [small, medium, large] = product.variants
    if (!small || !medium || !large) throw new Error('fixture variants missing')
    // The archived L counts for nothing.
    expect(await summary(product.id)).toEqual({ price_cents: 8_900, max_price_cents: 9_400, stock: 4 })

    // A stock change goes through the inventory, which refreshes in the same transaction.
    await db.transaction((tx) => adjustStock(tx, { variantId: medium.id, delta: 3, reason: 'restock' }))
    expect(await summary(product.id)).toEqual({ price_cents: 8_900, max_price_cents: 9_400, stock: 7 })

    // Re-activating L and archiving S (variant edits) move both prices and the stock.
    await db.transaction(async (tx) => {
      await tx.execute(drizzleSql`update product_variants set active = (id <> ${small.id}) where product_id = ${product.id}`)
      await refreshProductSummaries(tx, [product.id])
    })
    expect(await summary(product.id)).toEqual({ price_cents: 9_400, max_price_cents: 12_000, stock: 10 })

    // With no variant on sale the product keeps its last prices and is out of stock.
    await db.transaction(async (tx) => {
      await tx.execute(drizzleSql`update product_variants set active = false where product_id = ${product.id}`)
      await refreshProductSummaries(tx, [product.id])
    })
    expect(await summary(product.id)).toEqual({ price_cents: 9_400, max_price_cents: 12_000, stock: 0 })
  })
})

describe('search over variants', () => {
  it('finds a product by the exact SKU of one of its variants, in any case, and not by part of it', async () => {
    const product = await jacket()
    const medium = product.variants[1]
    if (!medium) throw new Error('fixture variant missing')
    // A SKU sharing no word with the product's name or description.
    const sku = `QXJ-${medium.id}-M`
    await sql`update product_variants set sku = ${sku} where id = ${medium.id}`
    const found = await searchProducts(parseSearchParams({ q: sku.toLowerCase() }))
    expect(found.products.map((card) => card.id)).toEqual([product.id])
    expect(found.products[0]).toMatchObject({ priceCents: 8_900, maxPriceCents: 9_400, quickAddVariantId: null })
    const partial = await searchProducts(parseSearchParams({ q: `QXJ-${medium.id}` }))
    expect(partial.products.map((card) => card.id)).not.toContain(product.id)
  })

  it('filters and sorts by the lowest active variant price, and "in stock" means some active variant has stock', async () => {
    const product = await jacket()
    const [small] = product.variants
    if (!small) throw new Error('fixture variant missing')
    const sku = small.sku
    const search = (params: Record<string, string>) => searchProducts(parseSearchParams({ q: sku, ...params })).then((result) => result.products.map((card) => card.id))
    expect(await search({ max: '89' })).toEqual([product.id])
    expect(await search({ min: '90' })).toEqual([])
    expect(await search({ in_stock: '1' })).toEqual([product.id])
    await db.transaction((tx) => adjustStock(tx, { variantId: small.id, delta: -4, reason: 'adjustment' }))
    // M is sold out and L archived (its 7 units do not count): nothing left to buy.
    expect(await search({ in_stock: '1' })).toEqual([])
    expect(await search({})).toEqual([product.id])
  })
})

describe('products made in the admin', () => {
  it('a product created without options gets its default variant, which takes the form’s price and the stock adjustments', async () => {
    const admin = await createTestUser({ role: 'admin' })
    const [category] = await sql<{ id: number }[]>`select id from categories order by id limit 1`
    const slug = `admin-mug-${randomUUID().slice(0, 6)}`
    const created = await createProduct(admin, { name: 'Admin Mug', slug, price: 1_500, stock: 4, categoryId: category?.id ?? 0, description: '', active: true, featured: false })
    if (!created.ok) throw new Error(created.error)
    const variants = () => sql`select sku, option1, option2, option3, price_cents, stock, active from product_variants where product_id = ${created.id}`
    expect(await variants()).toEqual([{ sku: slug.toUpperCase(), option1: null, option2: null, option3: null, price_cents: 1_500, stock: 4, active: true }])
    expect(await summary(created.id)).toEqual({ price_cents: 1_500, max_price_cents: 1_500, stock: 4 })

    expect(
      await updateProduct(admin, { id: created.id, name: 'Admin Mug', slug: undefined, price: 1_750, categoryId: category?.id ?? 0, description: '', active: true, featured: false }),
    ).toMatchObject({ ok: true })
    expect(await adjustProductStock(admin, { productId: created.id, delta: 3, reason: 'restock', note: 'delivery' })).toMatchObject({ ok: true, stock: 7 })
    expect(await variants()).toMatchObject([{ price_cents: 1_750, stock: 7 }])
    expect(await summary(created.id)).toEqual({ price_cents: 1_750, max_price_cents: 1_750, stock: 7 })

    // A variant of another product is refused, and nothing changes.
    const other = await jacket()
    const otherVariant = other.variants[0]?.id ?? 0
    expect(await adjustProductStock(admin, { productId: created.id, variantId: otherVariant, delta: 1, reason: 'restock', note: 'wrong one' })).toMatchObject({
      ok: false,
      fieldErrors: { variantId: ['Choose a variant of this product.'] },
    })
    expect(await adjustProductStock(admin, { productId: other.id, delta: 1, reason: 'restock', note: 'which size?' })).toMatchObject({ ok: false, fieldErrors: { variantId: [expect.any(String)] } })
    expect(await variants()).toMatchObject([{ stock: 7 }])
    expect(await summary(other.id)).toEqual({ price_cents: 8_900, max_price_cents: 9_400, stock: 4 })
  })
})
