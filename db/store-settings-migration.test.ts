/**
 * Migration 0018 (store settings) on a database with a customer, a delivered order and a cart:
 * nothing of theirs changes, and the settings table starts empty, so the environment's defaults
 * apply until the merchant saves; it holds one row, in range.
 */
import { describe, expect, it } from 'vitest'
import { databaseBefore } from './migration-test-database'

const { sql, migrateToLatest } = databaseBefore('0018_store_settings')

describe('migration 0018: store settings', () => {
  it('adds an empty one-row table and leaves orders and carts alone', async () => {
    const [user] = await sql<{ id: string }[]>`insert into users (id, email, name) values ('user-ada', 'ada@example.com', 'Ada Lovelace') returning id`
    await sql`
      insert into orders (access_key, user_id, email, status, payment_state, provider, currency, subtotal_cents, shipping_cents, total_cents, expires_at, paid_at)
      values ('key-delivered', ${user?.id ?? null}, 'ada@example.com', 'delivered', 'paid', 'stripe', 'USD', 4200, 495, 4695, now(), now() - interval '12 days')`
    await sql`insert into carts (id, user_id) values ('0b1c9a54-6d0e-4f4a-9d1e-3f2f6a6b7c8d', ${user?.id ?? null})`
    const orders = () => sql`select id, status, total_cents::text, paid_at from orders order by id`
    const carts = () => sql`select id, user_id from carts order by id`
    const [ordersBefore, cartsBefore] = [await orders(), await carts()]

    await migrateToLatest()

    expect(await orders()).toEqual(ordersBefore)
    expect(await carts()).toEqual(cartsBefore)
    expect(await sql`select * from store_settings`).toEqual([])
    await sql`insert into store_settings (return_window_days, cart_reminders_enabled, cart_reminder_delay_hours) values (14, true, 48)`
    await expect(sql`insert into store_settings (id, return_window_days, cart_reminders_enabled, cart_reminder_delay_hours) values (2, 14, true, 48)`).rejects.toThrow(/store_settings_single_row/)
    await expect(sql`update store_settings set return_window_days = 400`).rejects.toThrow(/store_settings_ranges/)
    expect(await sql`select id, return_window_days from store_settings`).toEqual([{ id: 1, return_window_days: 14 }])
  })
})
