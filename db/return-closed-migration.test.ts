/**
 * Migration 0020 (a return closed without a refund) on a database holding returns at every step:
 * they keep their status, timestamps and timeline, and one that was stuck at "received" with
 * nothing to refund can now be closed.
 */
import { describe, expect, it } from 'vitest'
import { databaseBefore } from './migration-test-database'

const { sql, migrateToLatest } = databaseBefore('0020_return_closed')

describe('migration 0020: closing a return without a refund', () => {
  it('leaves earlier returns as they were and lets a received one close', async () => {
    const [paid, free] = await sql<{ id: number }[]>`
      insert into orders (access_key, email, status, payment_state, provider, currency, subtotal_cents, shipping_cents, tax_cents, total_cents, refunded_cents,
        shipping_method_name, destination_country, destination_region, expires_at, paid_at, customer_note)
      values
        ('key-paid', 'ada@example.com', 'partially_refunded', 'paid', 'stripe', 'USD', 8900, 495, 0, 9395, 8900, 'Standard', 'US', 'NY', now(), now() - interval '20 days', null),
        ('key-free', 'ben@example.com', 'delivered', 'paid', 'free', 'USD', 0, 0, 0, 0, 0, 'Local pickup', 'US', '', now(), now() - interval '12 days', 'Gift')
      returning id`
    const [refunded, received] = await sql<{ id: number }[]>`
      insert into returns (order_id, status, reason, note, merchant_message, refund_cents, approved_at, received_at, refunded_at)
      values
        (${paid?.id ?? 0}, 'refunded', 'damaged', 'Cracked lid', 'Sorry about that', 8900, now() - interval '9 days', now() - interval '6 days', now() - interval '5 days'),
        (${free?.id ?? 0}, 'received', 'changed_mind', '', '', null, now() - interval '4 days', now() - interval '1 day', null)
      returning id`
    await sql`
      insert into return_events (return_id, from_status, to_status, actor, note) values
        (${refunded?.id ?? 0}, null, 'requested', 'customer', '1 item to return'),
        (${refunded?.id ?? 0}, 'received', 'refunded', 'admin', 'Refunded $89.00'),
        (${received?.id ?? 0}, 'approved', 'received', 'admin', '')`
    const snapshot = () => sql`
      select r.id, r.status, r.refund_cents::text, r.merchant_message, r.refunded_at is not null as refunded,
        (select json_agg(json_build_array(e.from_status, e.to_status, e.note) order by e.id) from return_events e where e.return_id = r.id) as events
      from returns r order by r.id`
    const before = await snapshot()

    await migrateToLatest()

    expect(await snapshot()).toEqual(before)
    expect(await sql`select closed_at from returns order by id`).toEqual([{ closed_at: null }, { closed_at: null }])
    await sql`update returns set status = 'closed', closed_at = now() where id = ${received?.id ?? 0}`
    await sql`insert into return_events (return_id, from_status, to_status, actor, note) values (${received?.id ?? 0}, 'received', 'closed', 'admin', 'Nothing to refund')`
    expect(await sql`select status, closed_at is not null as closed from returns where id = ${received?.id ?? 0}`).toEqual([{ status: 'closed', closed: true }])
  })
})
