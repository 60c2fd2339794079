import { describe, expect, it } from 'vitest'
import { sql } from '@/db/client'
import { demoShopperEmail, seedDemoActivityIn } from './demo-activity'

class Rollback extends Error {}

describe('demo activity seed', () => {
  it('writes consistent paid orders, events and reviews, and ratings that match the reviews', async () => {
    let checked = false
    await sql
      .begin(async (tx) => {
        await tx`insert into users (id, name, email, role) values (${crypto.randomUUID()}, 'Demo Shopper', ${demoShopperEmail}, 'customer')`
        const before = await tx<{ max: number | null }[]>`select max(id) as max from orders`
        const after = before[0]?.max ?? 0
        expect(await seedDemoActivityIn(tx)).toBe(true)

        const orders = await tx<{ id: number; status: string; subtotal: number; shipping: number; total: number; items: number; paid: boolean }[]>`
          select o.id, o.status, o.subtotal_cents as subtotal, o.shipping_cents as shipping, o.total_cents as total,
            (select sum(unit_price_cents * quantity)::int from order_items where order_id = o.id) as items,
            o.payment_state = 'paid' and o.paid_at is not null as paid
          from orders o where o.id > ${after}`
        expect(orders).toHaveLength(50)
        for (const order of orders) {
          expect(order.subtotal).toBe(order.items)
          expect(order.total).toBe(order.subtotal + order.shipping)
          expect(order.paid).toBe(true)
          expect(['paid', 'shipped', 'delivered']).toContain(order.status)
        }
        const badEvents = await tx`
          select o.id from orders o where o.id > ${after} and (
            not exists (select 1 from order_events e where e.order_id = o.id and e.from_status is null and e.to_status = 'pending')
            or (select e.to_status from order_events e where e.order_id = o.id order by e.id desc limit 1) <> o.status)`
        expect(badEvents).toHaveLength(0)

        // The admin's dashboard of a new shop: orders in both of its 30-day windows, a few still
        // to ship, nothing dated in the future, and no customer who ordered before they joined.
        const [timeline] = await tx<{ recent: number; earlier: number; toShip: number; future: number; beforeJoining: number }[]>`
          select count(*) filter (where o.created_at > now() - interval '30 days')::int as recent,
            count(*) filter (where o.created_at <= now() - interval '30 days' and o.created_at > now() - interval '60 days')::int as earlier,
            count(*) filter (where o.status = 'paid')::int as "toShip",
            (select count(*)::int from order_events e where e.order_id > ${after} and e.created_at > now()) as future,
            count(*) filter (where u.created_at > o.created_at)::int as "beforeJoining"
          from orders o join users u on u.id = o.user_id where o.id > ${after} and u.email <> ${demoShopperEmail}`
        expect(timeline?.recent).toBeGreaterThanOrEqual(20)
        expect(timeline?.earlier).toBeGreaterThanOrEqual(20)
        expect(timeline?.toShip).toBeGreaterThanOrEqual(3)
        expect(timeline?.future).toBe(0)
        expect(timeline?.beforeJoining).toBe(0)

        const mismatched = await tx`
          select p.id from products p
          join (select product_id, avg(rating)::float8 as avg, count(*)::int as count from reviews where not hidden group by product_id) r on r.product_id = p.id
          where abs(p.rating_avg - r.avg) > 1e-9 or p.rating_count <> r.count`
        expect(mismatched).toHaveLength(0)

        // The e2e journey's assumptions: the shopper bought the first seeded product, which
        // others rated 5 stars, and it has products bought with it at least twice.
        const [bought] = await tx<{ product_id: number; avg: number }[]>`
          select oi.product_id, (select avg(rating)::float8 from reviews where product_id = oi.product_id) as avg
          from order_items oi join orders o on o.id = oi.order_id join users u on u.id = o.user_id
          where u.email = ${demoShopperEmail} order by o.id, oi.id limit 1`
        expect(bought?.avg).toBe(5)
        const together = await tx`
          select oi.product_id from order_items oi
          where oi.order_id in (select order_id from order_items where product_id = ${bought?.product_id ?? 0}) and oi.product_id <> ${bought?.product_id ?? 0}
          group by oi.product_id having count(distinct oi.order_id) >= 2`
        expect(together.length).toBeGreaterThanOrEqual(2)
        checked = true
        throw new Rollback()
      })
      .catch((error: unknown) => {
        if (!(error instanceof Rollback)) throw error
      })
    expect(checked).toBe(true)
  })
})
