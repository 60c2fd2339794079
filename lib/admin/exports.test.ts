import { NextRequest } from 'next/server'
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { GET as exportOrders } from '@/app/admin/export/orders/route'
import { GET as exportProducts } from '@/app/admin/export/products/route'
import { sql } from '@/db/client'
import { cleanUpFixtures, insertOrder } from '@/lib/testing/admin'
import { createTestUser, formData, signInAs, type TestUser } from '@/lib/testing/auth'
import { parseCsv } from './csv/csv'
import { importProductsAction } from './products/import-actions'

vi.mock('next-auth', () => import('@/lib/testing/next-auth-mock'))
vi.mock('next/headers', () => import('@/lib/testing/next-headers-mock'))

let admin: TestUser
beforeAll(async () => {
  admin = await createTestUser({ role: 'admin' })
})
beforeEach(() => signInAs(admin))
afterAll(cleanUpFixtures)

describe('CSV exports', () => {
  it('exports every product in the import’s columns, and the export imports back unchanged', async () => {
    const response = await exportProducts()
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8')
    // Response.text() drops a BOM; read the bytes to see it.
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await response.arrayBuffer())
    expect(
      text.startsWith(
        '\ufeffHandle,Title,Description,Category,Active,Featured,Option1 Name,Option1 Value,Option2 Name,Option2 Value,Option3 Name,Option3 Value,Variant SKU,Variant Price,Variant Compare At Price,Variant Inventory Qty,Variant Active,Variant Grams,Variant Barcode,Image Src\r\n',
      ),
    ).toBe(true)
    const rows = parseCsv(text)
    // One row per variant; a product's rows share its handle.
    const [{ products, variants } = { products: 0, variants: 0 }] = await sql<{ products: number; variants: number }[]>`
      select (select count(*)::int from products) as products, (select count(*)::int from product_variants) as variants`
    expect(rows.length - 1).toBe(variants)
    expect(new Set(rows.slice(1).map((row) => row[0])).size).toBe(products)
    const before = await sql`select slug, name, description, price_cents, max_price_cents, stock, active, featured, category_id from products order by id`
    const variantsBefore =
      await sql`select id, product_id, sku, option1, option2, option3, price_cents, compare_at_cents, stock, active, weight_grams, barcode, image_id from product_variants order by id`
    const result = await importProductsAction(null, formData({ csv: text, mode: 'import' }))
    expect(result).toMatchObject({ ok: true, message: `Imported: 0 created, ${products} updated, ${variants.toLocaleString('en-US')} variants.` })
    expect(await sql`select slug, name, description, price_cents, max_price_cents, stock, active, featured, category_id from products order by id`).toEqual(before)
    expect(await sql`select id, product_id, sku, option1, option2, option3, price_cents, compare_at_cents, stock, active, weight_grams, barcode, image_id from product_variants order by id`).toEqual(
      variantsBefore,
    )
  })

  it('exports the orders of a date range, and answers 400 to bad dates', async () => {
    const [product] = await sql<{ id: number }[]>`select id from products order by id limit 1`
    const inside = await insertOrder({
      totalCents: 4550,
      email: 'range@example.com',
      createdAt: new Date('2025-03-10T12:00:00Z'),
      paidAt: new Date('2025-03-10T12:05:00Z'),
      items: [{ productId: product?.id ?? 0, quantity: 3, unitPriceCents: 1516 }],
    })
    // A note as the shopper typed it: a comma, a line break, and text a spreadsheet would run as a formula.
    await sql`update orders set shipping_method_name = 'Express', customer_note = ${'=1+1, ring twice\nthen leave it at the door'} where id = ${inside}`
    await insertOrder({ totalCents: 100, createdAt: new Date('2025-03-12T00:00:00Z'), paidAt: null, status: 'pending' })
    const get = (query: string) => exportOrders(new NextRequest(`http://localhost/admin/export/orders?${query}`))
    const rows = parseCsv(await (await get('from=2025-03-01&to=2025-03-11')).text())
    expect(rows[0]?.slice(0, 4)).toEqual(['order', 'created_at', 'paid_at', 'status'])
    expect(rows.slice(1).map((row) => [row[0], row[4], row[6], row[9], row[13]])).toEqual([[String(inside), 'range@example.com', '3', '45.50', '0']])
    expect(rows[0]?.slice(15)).toEqual(['shipping_method', 'note'])
    expect(rows[1]?.slice(15)).toEqual(['Express', "'=1+1, ring twice\nthen leave it at the door"])
    for (const bad of ['from=2025-02-30', 'from=2025-03-10&to=2025-03-01', 'from=2020-01-01&to=2025-01-01']) expect((await get(bad)).status).toBe(400)
  })
})
