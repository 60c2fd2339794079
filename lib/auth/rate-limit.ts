import 'server-only'
import { and, eq, gt, inArray, lt, or, sql } from 'drizzle-orm'
import { db } from '@/db/client'
import { authAttempts, authLockouts } from '@/db/schema'

export type LimitedAction = 'login' | 'register' | 'password_reset' | 'email_change' | 'order_lookup' | 'feedback' | 'stock_alert'

const WINDOW_MINUTES = 15
const LOCKOUT_MINUTES = 15

type KeyKind = 'email' | 'ip' | 'pair' | 'user'

/**
 * Attempts allowed per key kind within the window before the key is locked out; a kind without
 * a number is counted but never locked. Sign-in locks the (email, IP) pair and the IP, never the
 * email alone, so nobody can lock another person out by failing with their address: failures
 * for an email from anywhere only slow its sign-ins down (loginSlowdownMs).
 */
export const limits = {
  login: { pair: 5, ip: 20, user: 5 }, // failed sign-ins only; `user:` counts current-password re-checks
  register: { email: 3, ip: 10 },
  password_reset: { email: 3, ip: 10 },
  email_change: { email: 3, ip: 10 },
  order_lookup: { email: 10, ip: 20 }, // failed lookups only
  feedback: { email: 3, ip: 5 }, // site feedback messages (lib/feedback)
  stock_alert: { email: 10, ip: 30 }, // back-in-stock subscriptions (lib/stock-alerts)
} satisfies Record<LimitedAction, Partial<Record<KeyKind, number>>>

export const rateLimitMessage = `Too many attempts. For your security, please wait ${LOCKOUT_MINUTES} minutes and try again.`

export function limitKeys(input: { email?: string; ip: string }) {
  return [...(input.email ? [`email:${input.email}`] : []), `ip:${input.ip}`]
}

/** A sign-in's keys: the email (slowed down, never locked), the email from this IP, and the IP. */
export function loginKeys(input: { email: string; ip: string }) {
  return [`email:${input.email}`, `pair:${input.email}|${input.ip}`, `ip:${input.ip}`]
}

function limitFor(action: LimitedAction, key: string) {
  const kind = key.slice(0, key.indexOf(':')) as KeyKind
  const perKind: Partial<Record<KeyKind, number>> = limits[action]
  return perKind[kind] ?? Number.POSITIVE_INFINITY
}

/** Failed sign-ins for one email (from any IP) before its sign-ins start to wait. */
export const SLOWDOWN_AFTER = 5
const SLOWDOWN_BASE_MS = 250
export const SLOWDOWN_MAX_MS = 5_000

/**
 * How long a sign-in for this email waits before its password is checked: nothing for the first
 * failures in the window, then doubling from 250 ms up to 5 s. Spread over many IPs, guessing one
 * account's password gets slow, while its owner still gets in (after a wait).
 */
export async function loginSlowdownMs(email: string): Promise<number> {
  const [row] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(authAttempts)
    .where(and(eq(authAttempts.action, 'login'), eq(authAttempts.key, `email:${email}`), gt(authAttempts.createdAt, sql`now() - make_interval(mins => ${WINDOW_MINUTES})`)))
  const failures = row?.count ?? 0
  if (failures < SLOWDOWN_AFTER) return 0
  return Math.min(SLOWDOWN_BASE_MS * 2 ** (failures - SLOWDOWN_AFTER), SLOWDOWN_MAX_MS)
}

/** The wait itself; tests replace it to observe the delay without spending it. */
export const loginThrottle = {
  sleep: (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)),
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
      .where(and(eq(authAttempts.action, action), inArray(authAttempts.key, keys), gt(authAttempts.createdAt, sql`now() - make_interval(mins => ${WINDOW_MINUTES})`)))
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

/**
 * A successful sign-in forgets that email's failures and those of the email from this IP (the
 * IP's stay counted). Without an IP (a password reset proved control of the mailbox), every
 * pair of the email is forgotten and unlocked.
 */
export async function clearLoginFailures(email: string, ip?: string) {
  const pairs = ip ? eq(authAttempts.key, `pair:${email}|${ip}`) : sql`starts_with(${authAttempts.key}, ${`pair:${email}|`})`
  await db.transaction(async (tx) => {
    await tx.delete(authAttempts).where(and(eq(authAttempts.action, 'login'), or(eq(authAttempts.key, `email:${email}`), pairs)))
    if (!ip) {
      await tx.delete(authLockouts).where(and(eq(authLockouts.action, 'login'), sql`starts_with(${authLockouts.key}, ${`pair:${email}|`})`))
    }
  })
}

export async function clearAttempts(action: LimitedAction, key: string) {
  await db.delete(authAttempts).where(and(eq(authAttempts.action, action), eq(authAttempts.key, key)))
}
