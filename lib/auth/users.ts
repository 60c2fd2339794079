import 'server-only'
import { eq, sql } from 'drizzle-orm'
import { db } from '@/db/client'
import { users } from '@/db/schema'

export type Role = 'customer' | 'admin'
export type AccountUser = { id: string; name: string | null; email: string; role: Role; hasPassword: boolean }

const accountColumns = {
  id: users.id,
  name: users.name,
  email: users.email,
  role: users.role,
  hasPassword: sql<boolean>`${users.passwordHash} is not null`,
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
