import 'server-only'
import { createHmac, timingSafeEqual } from 'node:crypto'
import { eq, sql } from 'drizzle-orm'
import { db, type Executor } from '@/db/client'
import { users } from '@/db/schema'
import { authSecret } from '@/lib/env'

/**
 * Sessions are JWTs, so they cannot be deleted; instead each carries the user's session version
 * from sign-in, and getCurrentUser() refuses a session whose version is no longer the user's.
 * Raising the version ends every session of the account at once.
 */

/** Raises the user's session version (ending all their sessions) and returns the new one. */
export async function endSessionsOf(executor: Executor, userId: string): Promise<number | null> {
  const [row] = await executor
    .update(users)
    .set({ sessionVersion: sql`${users.sessionVersion} + 1` })
    .where(eq(users.id, userId))
    .returning({ sessionVersion: users.sessionVersion })
  return row?.sessionVersion ?? null
}

export async function sessionVersionOf(userId: string): Promise<number | null> {
  const [row] = await db.select({ sessionVersion: users.sessionVersion }).from(users).where(eq(users.id, userId)).limit(1)
  return row?.sessionVersion ?? null
}

/**
 * Proof, made on the server, that this session may move to a new version. The session update
 * endpoint (/api/auth/session) also takes data from the browser, so the JWT callback accepts a
 * new version only with a grant the browser cannot forge.
 */
export function sessionVersionGrant(userId: string, version: number) {
  return createHmac('sha256', authSecret ?? '')
    .update(`session-version:${userId}:${version}`)
    .digest('base64url')
}

export function isValidSessionVersionGrant(userId: string, version: number, grant: string) {
  if (!authSecret) return false
  const expected = Buffer.from(sessionVersionGrant(userId, version))
  const given = Buffer.from(grant)
  return expected.length === given.length && timingSafeEqual(expected, given)
}

/** Tokens minted before session versions existed carry none: they belong to version 0. */
export function tokenSessionVersion(value: unknown) {
  return typeof value === 'number' && Number.isInteger(value) ? value : 0
}
