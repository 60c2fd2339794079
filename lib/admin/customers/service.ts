import 'server-only'
import { eq } from 'drizzle-orm'
import { db } from '@/db/client'
import { users } from '@/db/schema'
import { endSessionsOf } from '@/lib/auth/session-version'
import { type AccountUser, lockAdminIds, type Role, writeUserRole } from '@/lib/auth/users'
import { recordAudit } from '../audit'

type Result = { ok: true; message: string } | { ok: false; error: string }

/**
 * Promotes or demotes an account. The admins are locked first, so two admins demoting each
 * other at the same moment cannot leave the shop with none.
 */
export async function setUserRole(actor: Pick<AccountUser, 'id' | 'email'>, userId: string, role: Role): Promise<Result> {
  return db.transaction(async (tx) => {
    const admins = await lockAdminIds(tx)
    const [target] = await tx.select({ id: users.id, email: users.email, role: users.role }).from(users).where(eq(users.id, userId)).for('update')
    if (!target) return { ok: false as const, error: 'That account no longer exists.' }
    if (target.role === role) return { ok: true as const, message: `${target.email} is already ${role === 'admin' ? 'an admin' : 'a customer'}.` }
    if (role === 'customer' && admins.length <= 1) {
      return {
        ok: false as const,
        error: target.id === actor.id ? 'You are the only admin. Promote someone else before demoting yourself.' : 'This is the only admin; the shop needs at least one.',
      }
    }
    await writeUserRole(tx, userId, role)
    // A demoted admin's sessions end at once (their own too, when admins demote themselves).
    if (role === 'customer') await endSessionsOf(tx, userId)
    await recordAudit(tx, {
      actor,
      action: role === 'admin' ? 'user.promote' : 'user.demote',
      entityType: 'user',
      entityId: userId,
      before: { email: target.email, role: target.role },
      after: { email: target.email, role },
    })
    return { ok: true as const, message: role === 'admin' ? `${target.email} is now an admin.` : `${target.email} is now a customer.` }
  })
}
