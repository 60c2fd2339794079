import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { db, sql } from '@/db/client'
import { refreshProductSummaries } from '@/lib/catalog/variants'
import { cleanUpFixtures, insertOrder } from '@/lib/testing/admin'
import { createTestUser } from '@/lib/testing/auth'
import { change, lowStockVariants, ordersToShip, periodBounds, periodMetrics, revenueByDay, topProducts } from './dashboard'

// A fixed "now" far from the other tests' orders, so only this file's fixtures count.
const now = new Date('2031-06-15T15:00:00Z')
const at = (iso: string) => new Date(`${iso}Z`)
let productIds: number[] = []
let originalStock: { id: number; stock: number }[] = []

beforeAll(async () => {
  const firstTwo = await sql<{ id: number; stock: number }[]>`select id, stock from products order by id limit 2`
  productIds = firstTwo.map((row) => row.id)
  originalStock = await sql<{ id: number; stock: number }[]>`select id, stock from product_variants where product_id in ${sql(productIds)}`
  const [a = 0, b = 0] = productIds
  // Today: two sales (one partly refunded), and a pending, a cancelled and a fully refunded order that do not count.
  await insertOrder({ totalCents: 10_000, paidAt: at('2031-06-15T09:00:00'), items: [{ productId: a, quantity: 2, unitPriceCents: 5_000 }] })
  await insertOrder({ totalCents: 6_000, refundedCents: 1_000, status: 'partially_refunded', paidAt: at('2031-06-15T10:00:00'), items: [{ productId: b, quantity: 3, unitPriceCents: 2_000 }] })
  await insertOrder({ totalCents: 99_999, status: 'pending', paidAt: null, createdAt: at('2031-06-15T11:00:00') })
  await insertOrder({ totalCents: 88_888, status: 'cancelled', paidAt: at('2031-06-15T11:30:00') })
  // Paid, then refunded in full: no longer a sale (not an order, and no revenue).
  await insertOrder({ totalCents: 7_000, refundedCents: 7_000, status: 'refunded', paidAt: at('2031-06-15T12:00:00') })
  // Yesterday, and 10 days ago (inside 30 days, outside 7).
  await insertOrder({ totalCents: 4_000, status: 'shipped', paidAt: at('2031-06-14T23:59:00') })
  await insertOrder({ totalCents: 2_000, status: 'delivered', paidAt: at('2031-06-05T12:00:00'), items: [{ productId: b, quantity: 1, unitPriceCents: 2_000 }] })
  // Two of the previous 30 days (for the 30-day comparison).
  await insertOrder({ totalCents: 1_000, status: 'delivered', paidAt: at('2031-05-10T12:00:00') })
  const customer = await createTestUser()
  await sql`update users set created_at = ${'2031-06-15T08:00:00Z'}::timestamptz where id = ${customer.id}`
})

afterAll(async () => {
  await cleanUpFixtures()
  // The seeded variants' stock goes back as it was, and with it the products' listing fields.
  for (const { id, stock } of originalStock) await sql`update product_variants set stock = ${stock} where id = ${id}`
  await refreshProductSummaries(db, productIds)
})

describe('dashboard', () => {
  it('computes periods as whole UTC days ending today', () => {
    expect(periodBounds('today', now)).toEqual({ start: at('2031-06-15T00:00:00'), end: at('2031-06-16T00:00:00'), previousStart: at('2031-06-14T00:00:00') })
    expect(periodBounds('7d', now).start).toEqual(at('2031-06-09T00:00:00'))
    expect(change(150, 100)).toBe(0.5)
    expect(change(5, 0)).toBeNull()
    expect(change(0, 0)).toBe(0)
  })

  it('counts revenue (net of refunds), orders, average order and new customers, against the previous period', async () => {
    const today = await periodMetrics('today', now)
    expect(today.current).toEqual({ revenueCents: 15_000, orders: 2, averageOrderCents: 7_500, newCustomers: 1 })
    expect(today.previous).toEqual({ revenueCents: 4_000, orders: 1, averageOrderCents: 4_000, newCustomers: 0 })
    const month = await periodMetrics('30d', now)
    expect(month.current).toMatchObject({ revenueCents: 21_000, orders: 4 })
    expect(month.previous).toMatchObject({ revenueCents: 1_000, orders: 1 })
    expect((await periodMetrics('7d', now)).current).toMatchObject({ revenueCents: 19_000, orders: 3 })
  })

  it('gives revenue per day with zero days filled in, and the top products', async () => {
    const days = await revenueByDay(30, now)
    expect(days).toHaveLength(30)
    expect(days.at(-1)).toEqual({ day: '2031-06-15', revenueCents: 15_000, orders: 2 })
    expect(days.at(-2)).toEqual({ day: '2031-06-14', revenueCents: 4_000, orders: 1 })
    expect(days.find((day) => day.day === '2031-06-10')).toEqual({ day: '2031-06-10', revenueCents: 0, orders: 0 })
    const top = await topProducts(30, 5, now)
    expect(top.map((row) => [row.product_id, row.units, row.revenue])).toEqual([
      [productIds[0], 2, 10_000],
      [productIds[1], 4, 8_000],
    ])
  })

  it('lists active variants at or below the low-stock level, none above it, and counts them', async () => {
    const [a = 0, b = 0] = productIds
    await sql`update product_variants set stock = 5 where product_id = ${a}`
    await sql`update product_variants set stock = 6 where product_id = ${b}`
    // Set by hand here, so the products' listing fields are brought in line as every stock change does.
    await refreshProductSummaries(db, [a, b])
    const low = await lowStockVariants(100_000)
    expect(low.rows.filter((row) => row.product_id === a).map((row) => row.stock)).toEqual([5])
    expect(low.rows.some((row) => row.product_id === b)).toBe(false)
    expect(low.total).toBe(low.rows.length)
  })

  it('lists paid orders waiting to ship, oldest payment first, and counts them', async () => {
    const before = (await ordersToShip(1)).total
    // Paid long before anything else in the database, so they head the list.
    const second = await insertOrder({ totalCents: 222, status: 'paid', paidAt: at('2001-01-03T00:00:00') })
    const first = await insertOrder({ totalCents: 111, status: 'paid', paidAt: at('2001-01-02T00:00:00') })
    await insertOrder({ totalCents: 333, status: 'shipped', paidAt: at('2001-01-01T00:00:00') })
    await insertOrder({ totalCents: 444, status: 'pending', paidAt: null, createdAt: at('2001-01-01T00:00:00') })
    const toShip = await ordersToShip(2)
    expect(toShip.rows.map((row) => [row.id, row.total_cents])).toEqual([
      [first, 111],
      [second, 222],
    ])
    expect(toShip.total).toBe(before + 2)
  })
})
