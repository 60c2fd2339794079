/**
 * Users, sessions and Next.js interrupts for tests of the account code. Test files using it mock
 * `next-auth` and `next/headers` (see lib/testing/next-auth-mock.ts).
 */
import { randomUUID } from 'node:crypto'
import { eq } from 'drizzle-orm'
import { expect } from 'vitest'
import { db, sql } from '@/db/client'
import { users } from '@/db/schema'
import type { ActionState } from '@/lib/action-state'
import { hashPassword } from '@/lib/auth/password'
import { nextAuthMock } from './next-auth-mock'

// forbidden() only works when Next.js's authInterrupts flag is on (next.config.ts sets it for the app).
process.env.__NEXT_EXPERIMENTAL_AUTH_INTERRUPTS = 'true'

export const TEST_PASSWORD = 'Correct horse battery 42'

// argon2 at 19 MiB costs ~50 ms a hash: the default password is hashed once per test file.
const hashes = new Map<string, Promise<string>>()
function hashOf(password: string) {
  let hash = hashes.get(password)
  if (!hash) hashes.set(password, (hash = hashPassword(password)))
  return hash
}

export type TestUser = { id: string; email: string; name: string; role: 'customer' | 'admin'; password: string | null }

export function uniqueEmail(prefix = 'user') {
  return `${prefix}-${randomUUID().slice(0, 12)}@example.com`
}

export async function createTestUser(input: { role?: 'customer' | 'admin'; password?: string | null; email?: string; name?: string } = {}): Promise<TestUser> {
  const password = input.password === undefined ? TEST_PASSWORD : input.password
  const user = {
    id: randomUUID(),
    email: input.email ?? uniqueEmail(input.role ?? 'customer'),
    name: input.name ?? 'Test Person',
    role: input.role ?? 'customer',
  }
  await db.insert(users).values({ ...user, passwordHash: password === null ? null : await hashOf(password) })
  return { ...user, password }
}

/**
 * What `auth()` returns from now on: this user's session (with the role it claims, and the
 * session version it began with: 0, a new account's, unless given), or none.
 */
export function signInAs(user: { id: string; role?: 'customer' | 'admin' } | null, sessionVersion?: number) {
  nextAuthMock.auth.mockResolvedValue(user ? { user: { id: user.id, role: user.role ?? 'customer', sessionVersion }, expires: new Date(Date.now() + 3_600_000).toISOString() } : null)
}

export async function passwordHashOf(userId: string) {
  const [row] = await db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, userId))
  return row?.passwordHash ?? null
}

export async function mailTo(email: string) {
  return sql<{ subject: string; text: string; html: string }[]>`select subject, text, html from dev_mailbox where "to" = ${email} order by id`
}

export function formData(fields: Record<string, string>) {
  const form = new FormData()
  for (const [key, value] of Object.entries(fields)) form.set(key, value)
  return form
}

/** The outcome of a call that may end in a Next.js interrupt (redirect, forbidden) or a value. */
export type Outcome<T> = { kind: 'returned'; value: T } | { kind: 'redirect'; url: string } | { kind: 'forbidden' } | { kind: 'threw'; error: unknown }

export async function outcomeOf<T>(promise: Promise<T> | (() => Promise<T>)): Promise<Outcome<T>> {
  try {
    return { kind: 'returned', value: await (typeof promise === 'function' ? promise() : promise) }
  } catch (error) {
    const digest = typeof error === 'object' && error !== null && 'digest' in error ? String(error.digest) : ''
    // NEXT_REDIRECT;replace;/login?callbackUrl=%2Faccount;307;
    if (digest.startsWith('NEXT_REDIRECT;')) return { kind: 'redirect', url: digest.split(';').slice(2, -2).join(';') }
    if (digest === 'NEXT_HTTP_ERROR_FALLBACK;403') return { kind: 'forbidden' }
    return { kind: 'threw', error }
  }
}

export async function expectRedirect(promise: Promise<unknown> | (() => Promise<unknown>)) {
  const outcome = await outcomeOf(promise)
  if (outcome.kind === 'threw') throw outcome.error
  expect(outcome).toMatchObject({ kind: 'redirect' })
  return outcome.kind === 'redirect' ? outcome.url : ''
}

export async function expectRedirectToLogin(promise: Promise<unknown> | (() => Promise<unknown>)) {
  const url = await expectRedirect(promise)
  expect(url).toMatch(/^\/login\?callbackUrl=%2F/)
  return url
}

export async function expectForbidden(promise: Promise<unknown> | (() => Promise<unknown>)) {
  const outcome = await outcomeOf(promise)
  if (outcome.kind === 'threw') throw outcome.error
  expect(outcome).toEqual({ kind: 'forbidden' })
}

/** Narrows an action's result to a refusal (ok: false) and returns it. */
export function expectFailure(state: ActionState) {
  expect(state).toMatchObject({ ok: false })
  if (!state || state.ok) throw new Error('expected ok: false')
  return state
}
