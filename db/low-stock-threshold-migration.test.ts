/**
 * Migration 0021 (the merchant's low-stock level) on a database whose merchant saved settings:
 * their values stay, the level starts at the 5 the shop used before, and the range holds.
 */
import { describe, expect, it } from 'vitest'
import { databaseBefore } from './migration-test-database'

const { sql, migrateToLatest } = databaseBefore('0021_low_stock_threshold')

describe('migration 0021: the low-stock level', () => {
  it('keeps the saved settings and starts the level at 5', async () => {
    await sql`insert into store_settings (return_window_days, cart_reminders_enabled, cart_reminder_delay_hours, updated_at) values (14, false, 48, now() - interval '3 days')`
    const saved = () => sql`select id, return_window_days, cart_reminders_enabled, cart_reminder_delay_hours, updated_at from store_settings`
    const before = await saved()

    await migrateToLatest()

    expect(await saved()).toEqual(before)
    expect(await sql`select low_stock_threshold from store_settings`).toEqual([{ low_stock_threshold: 5 }])
    await expect(sql`update store_settings set low_stock_threshold = 1000`).rejects.toThrow(/store_settings_ranges/)
    await expect(sql`update store_settings set low_stock_threshold = -1`).rejects.toThrow(/store_settings_ranges/)
    // The earlier ranges still hold.
    await expect(sql`update store_settings set return_window_days = 400`).rejects.toThrow(/store_settings_ranges/)
    await sql`update store_settings set low_stock_threshold = 0`
    expect(await sql`select low_stock_threshold from store_settings`).toEqual([{ low_stock_threshold: 0 }])
  })
})
