import { sql } from 'drizzle-orm'
import { boolean, check, integer, pgTable, smallint } from 'drizzle-orm/pg-core'
import { timestamps } from './columns'

/**
 * The merchant's store settings, from /admin/settings: one row (id 1), written by lib/settings.
 * Until the merchant saves them, the environment's defaults apply (RETURN_WINDOW_DAYS…).
 */
export const storeSettings = pgTable(
  'store_settings',
  {
    id: smallint().primaryKey().default(1),
    /** Days after delivery a shopper may ask to return items; 0: no returns. */
    returnWindowDays: integer().notNull(),
    cartRemindersEnabled: boolean().notNull(),
    /** Hours a cart sits untouched before its one reminder email. */
    cartReminderDelayHours: integer().notNull(),
    /** A variant with this many or fewer left is low: "Only N left" in the shop, flagged in the admin. 0: never. */
    lowStockThreshold: integer().notNull().default(5),
    ...timestamps,
  },
  (t) => [
    check('store_settings_single_row', sql`${t.id} = 1`),
    check('store_settings_ranges', sql`${t.returnWindowDays} between 0 and 365 and ${t.cartReminderDelayHours} between 1 and 720 and ${t.lowStockThreshold} between 0 and 999`),
  ],
)
