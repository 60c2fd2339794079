import 'server-only'
import { createHash, randomBytes } from 'node:crypto'
import { and, eq, gt, isNull, sql } from 'drizzle-orm'
import { db } from '@/db/client'
import { accountTokens } from '@/db/schema'

export type TokenPurpose = 'password_reset' | 'email_change'

export const TOKEN_TTL_MINUTES = 60

function hashToken(token: string) {
  return createHash('sha256').update(token).digest('hex')
}

/** A new single-use token (43 url-safe characters); only its SHA-256 is stored. */
export async function createAccountToken(input: { userId: string; purpose: TokenPurpose; newEmail?: string }) {
  const token = randomBytes(32).toString('base64url')
  await db.transaction(async (tx) => {
    // Only the newest link of a kind works.
    await tx
      .update(accountTokens)
      .set({ usedAt: sql`now()` })
      .where(and(eq(accountTokens.userId, input.userId), eq(accountTokens.purpose, input.purpose), isNull(accountTokens.usedAt)))
    await tx.insert(accountTokens).values({
      userId: input.userId,
      purpose: input.purpose,
      tokenHash: hashToken(token),
      newEmail: input.newEmail ?? null,
      expiresAt: sql`now() + make_interval(mins => ${TOKEN_TTL_MINUTES})`,
    })
  })
  return token
}

function usableToken(token: string, purpose: TokenPurpose) {
  return and(eq(accountTokens.tokenHash, hashToken(token)), eq(accountTokens.purpose, purpose), isNull(accountTokens.usedAt), gt(accountTokens.expiresAt, sql`now()`))
}

/** Whether the token would be accepted now (without using it up). */
export async function isUsableAccountToken(token: string, purpose: TokenPurpose) {
  const [row] = await db.select({ id: accountTokens.id }).from(accountTokens).where(usableToken(token, purpose)).limit(1)
  return row !== undefined
}

type Executor = Pick<typeof db, 'update'>

/**
 * Marks the token used and returns it, atomically: of two concurrent uses only one succeeds.
 * Null when the token is unknown, expired, already used or for another purpose.
 */
export async function consumeAccountToken(token: string, purpose: TokenPurpose, executor: Executor = db) {
  const [row] = await executor
    .update(accountTokens)
    .set({ usedAt: sql`now()` })
    .where(usableToken(token, purpose))
    .returning({ userId: accountTokens.userId, newEmail: accountTokens.newEmail })
  return row ?? null
}
