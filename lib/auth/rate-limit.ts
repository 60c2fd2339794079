import 'server-only'
import { and, eq, gt, inArray, lt, sql } from 'drizzle-orm'
import { db } from '@/db/client'
import { authAttempts, authLockouts } from '@/db/schema'

export type LimitedAction = 'login' | 'register' | 'password_reset' | 'email_change' | 'order_lookup' | 'feedback'

const WINDOW_MINUTES = 15
const LOCKOUT_MINUTES = 15

/** Attempts allowed per key prefix within the window before the key is locked out. */
export const limits: Record<LimitedAction, { email: number; ip: number }> = {
  login: { email: 5, ip: 20 }, // failed sign-ins only
  register: { email: 3, ip: 10 },
  password_reset: { email: 3, ip: 10 },
  email_change: { email: 3, ip: 10 },
  order_lookup: { email: 10, ip: 20 }, // failed lookups only
  feedback: { email: 3, ip: 5 }, // site feedback messages (lib/feedback)
}

export const rateLimitMessage = `Too many attempts. For your security, please wait ${LOCKOUT_MINUTES} minutes and try again.`

export function limitKeys(input: { email?: string; ip: string }) {
  return [...(input.email ? [`email:${input.email}`] : []), `ip:${input.ip}`]
}

function limitFor(action: LimitedAction, key: string) {
  return key.startsWith('email:') ? limits[action].email : limits[action].ip
}

/** Seconds until the first of these keys is unlocked, or 0 when none is locked out. */
export async function lockedFor(action: LimitedAction, keys: string[]): Promise<number> {
  const [row] = await db
    .select({ until: sql<Date>`max(${authLockouts.lockedUntil})` })
    .from(authLockouts)
    .where(and(eq(authLockouts.action, action), inArray(authLockouts.key, keys), gt(authLockouts.lockedUntil, sql`now()`)))
  return row?.until ? Math.max(1, Math.ceil((new Date(row.until).getTime() - Date.now()) / 1000)) : 0
}

/** Counts one attempt against every key; a key that reaches its limit is locked out. */
export async function recordAttempt(action: LimitedAction, keys: string[]) {
  await db.transaction(async (tx) => {
    await tx.insert(authAttempts).values(keys.map((key) => ({ action, key })))
    const counts = await tx
      .select({ key: authAttempts.key, count: sql<number>`count(*)::int` })
      .from(authAttempts)
      .where(
        and(
          eq(authAttempts.action, action),
          inArray(authAttempts.key, keys),
          gt(authAttempts.createdAt, sql`now() - make_interval(mins => ${WINDOW_MINUTES})`),
        ),
      )
      .groupBy(authAttempts.key)
    for (const { key, count } of counts) {
      if (count < limitFor(action, key)) continue
      const lockedUntil = sql`now() + make_interval(mins => ${LOCKOUT_MINUTES})`
      await tx
        .insert(authLockouts)
        .values({ action, key, lockedUntil })
        .onConflictDoUpdate({ target: [authLockouts.action, authLockouts.key], set: { lockedUntil } })
    }
    // Housekeeping: attempts older than a day are never counted again.
    await tx.delete(authAttempts).where(lt(authAttempts.createdAt, sql`now() - interval '1 day'`))
  })
}

/** A successful sign-in forgets that email's failures (the IP's stay counted). */
export async function clearAttempts(action: LimitedAction, key: string) {
  await db.delete(authAttempts).where(and(eq(authAttempts.action, action), eq(authAttempts.key, key)))
}
