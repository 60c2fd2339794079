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
    expect(text.startsWith('\ufeffslug,name,description,price,stock,category,active,featured\r\n')).toBe(true)
    const rows = parseCsv(text)
    const [{ n } = { n: 0 }] = await sql<{ n: number }[]>`select count(*)::int as n from products`
    expect(rows.length - 1).toBe(n)
    const before = await sql`select slug, name, description, price_cents, stock, active, featured, category_id from products order by id`
    const result = await importProductsAction(null, formData({ csv: text, mode: 'import' }))
    expect(result).toMatchObject({ ok: true, message: `Imported: 0 created, ${n} updated.` })
    expect(await sql`select slug, name, description, price_cents, stock, active, featured, category_id from products order by id`).toEqual(before)
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
    await insertOrder({ totalCents: 100, createdAt: new Date('2025-03-12T00:00:00Z'), paidAt: null, status: 'pending' })
    const get = (query: string) => exportOrders(new NextRequest(`http://localhost/admin/export/orders?${query}`))
    const rows = parseCsv(await (await get('from=2025-03-01&to=2025-03-11')).text())
    expect(rows[0]?.slice(0, 4)).toEqual(['order', 'created_at', 'paid_at', 'status'])
    expect(rows.slice(1).map((row) => [row[0], row[4], row[6], row[9], row[13]])).toEqual([[String(inside), 'range@example.com', '3', '45.50', '0']])
    for (const bad of ['from=2025-02-30', 'from=2025-03-10&to=2025-03-01', 'from=2020-01-01&to=2025-01-01']) expect((await get(bad)).status).toBe(400)
  })
})
