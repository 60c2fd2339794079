import 'server-only'
import { TransactionRollbackError, eq, sql } from 'drizzle-orm'
import { db, type Executor, type Transaction } from '@/db/client'
import { users } from '@/db/schema'
import { endSessionsOf } from './session-version'
import { consumeAccountToken } from './tokens'

export type Role = 'customer' | 'admin'
export type AccountUser = { id: string; name: string | null; email: string; role: Role; hasPassword: boolean; sessionVersion: number }

const accountColumns = {
  id: users.id,
  name: users.name,
  email: users.email,
  role: users.role,
  hasPassword: sql<boolean>`${users.passwordHash} is not null`,
  sessionVersion: users.sessionVersion,
}

export async function findUserById(id: string): Promise<AccountUser | null> {
  const [user] = await db.select(accountColumns).from(users).where(eq(users.id, id)).limit(1)
  return user ?? null
}

/** Emails are compared case-insensitively (the unique index is on lower(email)). */
export async function findUserByEmail(email: string) {
  const [user] = await db
    .select({ ...accountColumns, passwordHash: users.passwordHash })
    .from(users)
    .where(eq(sql`lower(${users.email})`, email.toLowerCase()))
    .limit(1)
  return user ?? null
}

export async function findPasswordHash(userId: string) {
  const [row] = await db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, userId)).limit(1)
  return row?.passwordHash ?? null
}

export function isUniqueViolation(error: unknown) {
  const cause = error instanceof Error && 'cause' in error ? error.cause : error
  return typeof cause === 'object' && cause !== null && 'code' in cause && cause.code === '23505'
}

/**
 * Sets a new password and ends every session of the account (a thief's included). Returns the
 * new session version, for keepThisSession() when the change came from a signed-in session.
 */
export async function setPassword(executor: Executor, userId: string, passwordHash: string) {
  await executor
    .update(users)
    .set({ passwordHash, updatedAt: sql`now()` })
    .where(eq(users.id, userId))
  return endSessionsOf(executor, userId)
}

export type EmailChangeOutcome = { outcome: 'changed'; sessionVersion: number } | { outcome: 'taken' | 'invalid' }

/**
 * Switches the account to the address an email-change link was sent to, if the link is this
 * user's and still usable, and ends the account's other sessions (they were signed in under the
 * old address). Someone else's link is not used up: its owner can still open it.
 */
export async function confirmEmailChange(userId: string, token: string): Promise<EmailChangeOutcome> {
  return db
    .transaction(async (tx) => {
      const consumed = await consumeAccountToken(token, 'email_change', tx)
      if (!consumed?.newEmail || consumed.userId !== userId) return tx.rollback()
      await tx
        .update(users)
        .set({ email: consumed.newEmail, emailVerified: new Date(), updatedAt: sql`now()` })
        .where(eq(users.id, userId))
      const sessionVersion = await endSessionsOf(tx, userId)
      if (sessionVersion === null) return tx.rollback()
      return { outcome: 'changed' as const, sessionVersion }
    })
    .catch((error: unknown): EmailChangeOutcome => {
      if (isUniqueViolation(error)) return { outcome: 'taken' }
      if (error instanceof TransactionRollbackError) return { outcome: 'invalid' }
      throw error
    })
}

/**
 * The admins' ids, their rows locked until the transaction ends: a demotion or an account deletion
 * checks there is another admin, and two at once cannot both pass that check and leave none.
 */
export async function lockAdminIds(tx: Transaction) {
  const admins = await tx.select({ id: users.id }).from(users).where(eq(users.role, 'admin')).for('update')
  return admins.map((admin) => admin.id)
}

/** Deletes the account row; its addresses, tokens and sign-in links go with it (foreign keys cascade). */
export async function deleteUser(tx: Transaction, userId: string) {
  await tx.delete(users).where(eq(users.id, userId))
}

/** A new password account; throws the database's unique violation when the email is taken (see isUniqueViolation). */
export async function createUser(input: { name: string; email: string; passwordHash: string }) {
  await db.insert(users).values(input)
}

export async function setUserName(userId: string, name: string) {
  await db
    .update(users)
    .set({ name, updatedAt: sql`now()` })
    .where(eq(users.id, userId))
}

/** The role alone; the admin customers service checks who may change it and keeps one admin. */
export async function writeUserRole(tx: Transaction, userId: string, role: Role) {
  await tx
    .update(users)
    .set({ role, updatedAt: sql`now()` })
    .where(eq(users.id, userId))
}

/** Remembers the payment provider's customer, so the next checkout is prefilled with the saved address. */
export async function setStripeCustomerId(userId: string, stripeCustomerId: string) {
  await db
    .update(users)
    .set({ stripeCustomerId, updatedAt: sql`now()` })
    .where(eq(users.id, userId))
}
