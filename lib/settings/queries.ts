import 'server-only'
import { eq, sql } from 'drizzle-orm'
import { cacheLife, cacheTag } from 'next/cache'
import { db, type Executor } from '@/db/client'
import { storeSettings } from '@/db/schema'
import { env } from '@/lib/env'
import { DEFAULT_LOW_STOCK_THRESHOLD } from '@/lib/inventory/low-stock'

export type StoreSettings = { returnWindowDays: number; cartRemindersEnabled: boolean; cartReminderDelayHours: number; lowStockThreshold: number }

/** Cache tag of reads of the settings that cached pages show (the home page's return window, product pages' stock). */
export const settingsTag = 'settings'

/** What applies until the merchant saves the settings once: the environment's values. */
export function defaultStoreSettings(): StoreSettings {
  return { returnWindowDays: env.RETURN_WINDOW_DAYS, cartRemindersEnabled: true, cartReminderDelayHours: env.CART_REMINDER_DELAY_HOURS, lowStockThreshold: DEFAULT_LOW_STOCK_THRESHOLD }
}

export async function getStoreSettings(executor: Executor = db): Promise<StoreSettings> {
  const [row] = await executor.select().from(storeSettings).where(eq(storeSettings.id, 1))
  if (!row) return defaultStoreSettings()
  return {
    returnWindowDays: row.returnWindowDays,
    cartRemindersEnabled: row.cartRemindersEnabled,
    cartReminderDelayHours: row.cartReminderDelayHours,
    lowStockThreshold: row.lowStockThreshold,
  }
}

/** The return window as cached pages show it; expired on every instance when the settings are saved. */
export async function cachedReturnWindowDays() {
  'use cache'
  cacheTag(settingsTag)
  cacheLife('hours')
  return (await getStoreSettings()).returnWindowDays
}

/** The low-stock level as cached pages show it ("Only N left"); expired with the settings. */
export async function cachedLowStockThreshold() {
  'use cache'
  cacheTag(settingsTag)
  cacheLife('hours')
  return (await getStoreSettings()).lowStockThreshold
}

/** The low-stock level inside a query (the admin's lists): the saved setting, else the default. */
export const lowStockThresholdSql = sql`coalesce((select ${storeSettings.lowStockThreshold} from ${storeSettings} where ${storeSettings.id} = 1), ${DEFAULT_LOW_STOCK_THRESHOLD})`
