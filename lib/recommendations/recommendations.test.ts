import { NextRequest } from 'next/server'
import { describe, expect, it, vi } from 'vitest'
import { GET as picked } from '@/app/api/recommendations/picked/route'
import { GET as recent } from '@/app/api/recommendations/recent/route'
import { sql } from '@/db/client'
import { createTestUser, signInAs } from '@/lib/testing/auth'
import { insertTestOrder, productsForSale } from '@/lib/testing/orders'
import { getAlsoBought, getPickedForYou, getProductCardsByIds, getSimilarProducts } from './queries'

vi.mock('next-auth', () => import('@/lib/testing/next-auth-mock'))
vi.mock('next/headers', () => import('@/lib/testing/next-headers-mock'))

describe('customers also bought', () => {
  it('ranks products by how many paid orders they share, ignoring unpaid orders, single co-purchases and products not for sale', async () => {
    // Products 20..27 of those for sale, untouched by other tests' orders.
    const [a, b, c, d, e, f, g, h] = (await productsForSale(8, 20)).map((product) => product.id) as [number, number, number, number, number, number, number, number]
    const buyer = await createTestUser()
    const order = (productIds: number[], status: 'delivered' | 'paid' | 'pending' | 'cancelled' | 'refunded' = 'delivered') => insertTestOrder({ userId: buyer.id, productIds, status })
    // With a: b three times, c twice, d once (below the threshold), e twice but only in unpaid
    // orders, f twice but f goes out of stock, g twice but g is deactivated.
    await order([a, b, c])
    await order([a, b, c, f, g], 'paid')
    await order([a, b, d, f, g], 'paid')
    await order([a, e], 'pending')
    await order([a, e], 'cancelled')
    await order([a, e], 'refunded')
    await order([b, h])
    const saved = await sql<{ id: number; stock: number }[]>`select id, stock from products where id in ${sql([f, g])}`
    await sql`update products set stock = 0 where id = ${f}`
    await sql`update products set active = false where id = ${g}`
    try {
      expect((await getAlsoBought(a)).map((product) => product.id)).toEqual([b, c])
      // c shares two orders with a and two with b: a tie, broken by rating.
      expect((await getAlsoBought(c)).map((product) => product.id).sort()).toEqual([a, b].sort())
      expect(await getAlsoBought(h)).toEqual([])
    } finally {
      for (const row of saved) await sql`update products set stock = ${row.stock}, active = true where id = ${row.id}`
    }
  })
})

describe('similar products and recently viewed', () => {
  it('similar products come from the same category first, for sale only, never the product itself', async () => {
    const [product] = await productsForSale(1, 40)
    if (!product) throw new Error('no product')
    const similar = await getSimilarProducts({ id: product.id, categoryId: product.category_id, name: product.name })
    expect(similar.length).toBeGreaterThan(0)
    expect(similar.map((p) => p.id)).not.toContain(product.id)
    expect(similar.every((p) => p.stock > 0)).toBe(true)
    const [first] = similar
    const [row] = await sql<{ category_id: number }[]>`select category_id from products where id = ${first?.id ?? 0}`
    expect(row?.category_id).toBe(product.category_id)
  })

  it('recently viewed keeps the order given and drops products not for sale', async () => {
    const ids = (await productsForSale(3, 50)).map((product) => product.id)
    const [soldOut] = await sql<{ id: number }[]>`select id from products where stock = 0 or not active limit 1`
    const cards = await getProductCardsByIds([ids[2] ?? 0, soldOut?.id ?? 0, ids[0] ?? 0])
    expect(cards.map((card) => card.id)).toEqual([ids[2], ids[0]])
  })
})

describe('picked for you', () => {
  it('suggests what others bought with the shopper’s purchases, never what they bought', async () => {
    const [x, y, z] = (await productsForSale(3, 60)).map((product) => product.id) as [number, number, number]
    const [shopper, other] = await Promise.all([createTestUser(), createTestUser()])
    await insertTestOrder({ userId: shopper.id, productIds: [x] })
    await insertTestOrder({ userId: other.id, productIds: [x, y] })
    await insertTestOrder({ userId: other.id, productIds: [x, y, z] })
    const picked = (await getPickedForYou(shopper.id, [])).map((product) => product.id)
    expect(picked[0]).toBe(y)
    expect(picked).toContain(z)
    expect(picked).not.toContain(x)
    const fresh = await createTestUser()
    expect(await getPickedForYou(fresh.id, [])).toEqual([])
  })
})

describe('recommendation endpoints', () => {
  it('recent answers cards for the ids given; picked answers nothing to guests and picks to shoppers', async () => {
    const [one, two] = (await productsForSale(2, 70)).map((product) => product.id) as [number, number]
    const cards = (await (await recent(new NextRequest(`http://localhost/api/recommendations/recent?ids=${two}.x.${one}`))).json()) as { products: { id: number }[] }
    expect(cards.products.map((card) => card.id)).toEqual([two, one])

    signInAs(null)
    expect(await (await picked(new NextRequest('http://localhost/api/recommendations/picked'))).json()).toEqual({ products: [] })
    const shopper = await createTestUser()
    const other = await createTestUser()
    await insertTestOrder({ userId: shopper.id, productIds: [one] })
    await insertTestOrder({ userId: other.id, productIds: [one, two] })
    signInAs(shopper)
    const response = await picked(new NextRequest('http://localhost/api/recommendations/picked'))
    expect(response.headers.get('cache-control')).toContain('no-store')
    const body = (await response.json()) as { products: { id: number }[] }
    expect(body.products[0]?.id).toBe(two)
  })
})
