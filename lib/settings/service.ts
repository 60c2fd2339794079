import 'server-only'
import { eq } from 'drizzle-orm'
import { db } from '@/db/client'
import { storeSettings } from '@/db/schema'
import { recordAudit } from '@/lib/admin/audit'
import type { AccountUser } from '@/lib/auth/users'
import { defaultStoreSettings, getStoreSettings } from './queries'
import type { StoreSettingsInput } from './validation'

type Actor = Pick<AccountUser, 'id' | 'email'>

/** Saves the store settings (the one row) and records what changed in the audit log. */
export async function saveStoreSettings(actor: Actor, input: StoreSettingsInput) {
  await db.transaction(async (tx) => {
    const [saved] = await tx.select({ id: storeSettings.id }).from(storeSettings).where(eq(storeSettings.id, 1)).for('update')
    // Before the first save the defaults applied; the audit entry says so.
    const before = saved ? await getStoreSettings(tx) : { ...defaultStoreSettings(), defaults: true }
    await tx
      .insert(storeSettings)
      .values({ id: 1, ...input })
      .onConflictDoUpdate({ target: storeSettings.id, set: { ...input, updatedAt: new Date() } })
    await recordAudit(tx, { actor, action: 'settings.update', entityType: 'store_settings', entityId: 1, before, after: input })
  })
  return { ok: true as const, message: 'Settings saved.' }
}
