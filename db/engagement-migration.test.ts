/**
 * Migration 0013 (wishlists, back-in-stock alerts, cart reminders, mail opt-outs) on a database in
 * the shape before it, holding a shop's products, carts, users and development mail: nothing
 * existing changes, old mail gets empty headers, and the new tables enforce their rules.
 */
import { describe, expect, it } from 'vitest'
import { databaseBefore } from './migration-test-database'

const { sql, migrateToLatest } = databaseBefore('0013_wishlist_alerts_reminders')

const snapshot = async () => ({
  products: await sql`select id, slug, price_cents, stock from products order by id`,
  variants: await sql`select id, product_id, sku, stock from product_variants order by id`,
  cart: await sql`select cart_id, variant_id, quantity from cart_items order by cart_id, variant_id`,
  users: await sql`select id, email from users order by id`,
  mail: await sql`select id, "to", subject, text from dev_mailbox order by id`,
})

const refusal = async (query: Promise<unknown>) => {
  try {
    await query
    return null
  } catch (error) {
    return (error as { code?: string }).code ?? 'unknown'
  }
}

describe('migration 0013: wishlists, stock alerts and cart reminders', () => {
  it('keeps the shop as it was and adds tables that hold their rules', async () => {
    const [category] = await sql<{ id: number }[]>`insert into categories (slug, name) values ('lighting', 'Lighting') returning id`
    const [lamp] = await sql<{ id: number }[]>`
      insert into products (slug, name, price_cents, max_price_cents, stock, category_id) values ('brass-lamp', 'Brass Lamp', 4999, 4999, 0, ${category?.id ?? 0}) returning id`
    const [variant] = await sql<{ id: number }[]>`insert into product_variants (product_id, sku, price_cents, stock) values (${lamp?.id ?? 0}, 'BRASS-LAMP', 4999, 0) returning id`
    await sql`insert into users (id, name, email) values ('user-1', 'Ada Buyer', 'ada@example.com')`
    await sql`insert into carts (id, user_id) values ('5f0c7c1e-8d1b-4a57-9a53-0c1f7b0e2a11', 'user-1')`
    await sql`insert into cart_items (cart_id, product_id, variant_id, quantity, seen_price_cents) values ('5f0c7c1e-8d1b-4a57-9a53-0c1f7b0e2a11', ${lamp?.id ?? 0}, ${variant?.id ?? 0}, 2, 4999)`
    await sql`insert into dev_mailbox ("to", subject, html, text) values ('ada@example.com', 'Welcome', '<p>Hi</p>', 'Hi')`
    const before = await snapshot()

    await migrateToLatest()

    expect(await snapshot()).toEqual(before)
    expect(await sql`select headers from dev_mailbox`).toEqual([{ headers: {} }])

    await sql`insert into wishlists (id, user_id) values ('w1', 'user-1')`
    await sql`insert into wishlist_items (wishlist_id, product_id) values ('w1', ${lamp?.id ?? 0})`
    // Public only with a name and a link; one list per user.
    expect(await refusal(sql`update wishlists set is_public = true where id = 'w1'`)).toBe('23514')
    expect(await refusal(sql`insert into wishlists (id, user_id) values ('w2', 'user-1')`)).toBe('23505')
    await sql`update wishlists set is_public = true, display_name = 'Ada', share_token = 'abcdefghijklmnopqrstuvwx' where id = 'w1'`

    await sql`insert into stock_alerts (variant_id, product_id, email) values (${variant?.id ?? 0}, ${lamp?.id ?? 0}, 'ada@example.com')`
    // One waiting alert per variant and address, lower-cased; a notified one can be followed by a new one.
    expect(await refusal(sql`insert into stock_alerts (variant_id, product_id, email) values (${variant?.id ?? 0}, ${lamp?.id ?? 0}, 'ada@example.com')`)).toBe('23505')
    expect(await refusal(sql`insert into stock_alerts (variant_id, product_id, email) values (${variant?.id ?? 0}, ${lamp?.id ?? 0}, 'Bo@Example.com')`)).toBe('23514')
    await sql`update stock_alerts set notified_at = now()`
    await sql`insert into stock_alerts (variant_id, product_id, email) values (${variant?.id ?? 0}, ${lamp?.id ?? 0}, 'ada@example.com')`

    await sql`insert into cart_reminders (cart_id, contents_hash, email) values ('5f0c7c1e-8d1b-4a57-9a53-0c1f7b0e2a11', 'h1', 'ada@example.com')`
    expect(await refusal(sql`insert into cart_reminders (cart_id, contents_hash, email) values ('5f0c7c1e-8d1b-4a57-9a53-0c1f7b0e2a11', 'h1', 'ada@example.com')`)).toBe('23505')
    expect(await refusal(sql`insert into mail_opt_outs (email, topic) values ('Ada@example.com', 'cart-reminders')`)).toBe('23514')

    // Deleting the product takes its list entries and alerts with it; the user's deletion their list.
    await sql`delete from products where id = ${lamp?.id ?? 0}`
    expect(await sql`select 1 from wishlist_items union all select 1 from stock_alerts`).toEqual([])
    await sql`delete from users where id = 'user-1'`
    expect(await sql`select 1 from wishlists`).toEqual([])
  })
})
