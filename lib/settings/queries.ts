import 'server-only'
import { eq } from 'drizzle-orm'
import { cacheLife, cacheTag } from 'next/cache'
import { db, type Executor } from '@/db/client'
import { storeSettings } from '@/db/schema'
import { env } from '@/lib/env'

export type StoreSettings = { returnWindowDays: number; cartRemindersEnabled: boolean; cartReminderDelayHours: number }

/** Cache tag of reads of the settings that cached pages show (the home page's return window). */
export const settingsTag = 'settings'

/** What applies until the merchant saves the settings once: the environment's values. */
export function defaultStoreSettings(): StoreSettings {
  return { returnWindowDays: env.RETURN_WINDOW_DAYS, cartRemindersEnabled: true, cartReminderDelayHours: env.CART_REMINDER_DELAY_HOURS }
}

export async function getStoreSettings(executor: Executor = db): Promise<StoreSettings> {
  const [row] = await executor.select().from(storeSettings).where(eq(storeSettings.id, 1))
  if (!row) return defaultStoreSettings()
  return { returnWindowDays: row.returnWindowDays, cartRemindersEnabled: row.cartRemindersEnabled, cartReminderDelayHours: row.cartReminderDelayHours }
}

/** The return window as cached pages show it; expired on every instance when the settings are saved. */
export async function cachedReturnWindowDays() {
  'use cache'
  cacheTag(settingsTag)
  cacheLife('hours')
  return (await getStoreSettings()).returnWindowDays
}
