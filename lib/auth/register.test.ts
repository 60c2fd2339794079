import { beforeEach, describe, expect, it, vi } from 'vitest'
import { sql } from '@/db/client'
import { createTestUser, expectFailure, expectRedirect, formData, mailTo, outcomeOf, uniqueEmail } from '@/lib/testing/auth'
import { nextAuthMock } from '@/lib/testing/next-auth-mock'
import { setClientIp } from '@/lib/testing/next-headers-mock'
import { registerAction } from './actions'
import { verifyPassword } from './password'

vi.mock('next-auth', () => import('@/lib/testing/next-auth-mock'))
vi.mock('next/headers', () => import('@/lib/testing/next-headers-mock'))

const PASSWORD = 'Analytical engine 1843'

async function usersWithEmail(email: string) {
  return sql<{ id: string; email: string; name: string; role: string; passwordHash: string }[]>`
    select id, email, name, role, password_hash as "passwordHash" from users where lower(email) = lower(${email})`
}

async function userCount() {
  const [row] = await sql<{ count: number }[]>`select count(*)::int as count from users`
  return row?.count ?? 0
}

beforeEach(() => {
  vi.spyOn(console, 'info').mockImplementation(() => {}) // the dev outbox logs every mail
  setClientIp()
  nextAuthMock.signIn.mockClear()
})

describe('registerAction', () => {
  it('creates a customer with an argon2id hash and a lower-cased email, mails a welcome and signs in', async () => {
    const email = uniqueEmail('Ada') // has an upper-case letter
    const url = await expectRedirect(registerAction(null, formData({ name: ' Ada Lovelace ', email: ` ${email.toUpperCase()} `, password: PASSWORD, callbackUrl: '/account/profile' })))
    expect(url).toBe('http://localhost:3000/account/profile')

    const [user, ...others] = await usersWithEmail(email)
    expect(others).toEqual([])
    expect(user).toMatchObject({ email: email.toLowerCase(), name: 'Ada Lovelace', role: 'customer' })
    expect(user?.passwordHash.startsWith('$argon2id$v=19$m=19456,t=2,p=1$')).toBe(true)
    expect(user?.passwordHash).not.toContain(PASSWORD)
    await expect(verifyPassword(user?.passwordHash ?? null, PASSWORD)).resolves.toBe(true)

    // Signed in through the real credentials provider: a session cookie was set.
    expect(nextAuthMock.signIn).toHaveBeenCalledWith('credentials', { email: email.toLowerCase(), password: PASSWORD, redirectTo: '/account/profile' })
    expect(nextAuthMock.lastSignInCookies.map((cookie) => cookie.name)).toContain('authjs.session-token')

    const mail = await mailTo(email.toLowerCase())
    expect(mail).toHaveLength(1)
    expect(mail[0]?.subject).toMatch(/^Welcome to /)
    expect(mail[0]?.text).toContain('Welcome, Ada Lovelace')
  })

  it('refuses a second account for the same email in another case, without a second row', async () => {
    const existing = await createTestUser()
    const before = await userCount()
    const state = expectFailure(await registerAction(null, formData({ name: 'Impostor', email: existing.email.toUpperCase(), password: PASSWORD })))
    expect(state.fieldErrors?.email).toEqual(['An account with this email already exists. Log in or reset your password.'])
    expect(state.values).toEqual({ name: 'Impostor', email: existing.email })
    expect(await userCount()).toBe(before)
    expect(await usersWithEmail(existing.email)).toHaveLength(1)
    expect(nextAuthMock.signIn).not.toHaveBeenCalled()
    expect(await mailTo(existing.email)).toEqual([])
  })

  it.each([
    ['a 10,000-character name', { name: 'x'.repeat(10_000), email: uniqueEmail(), password: PASSWORD }, 'name'],
    ['a Unicode look-alike email', { name: 'Eve', email: '\u0430dmin@example.com', password: PASSWORD }, 'email'],
    ['a missing password', { name: 'Eve', email: uniqueEmail() }, 'password'],
    ['a common password', { name: 'Eve', email: uniqueEmail(), password: 'password123' }, 'password'],
  ])('refuses %s with field errors, keeps the typed values (never the password) and writes nothing', async (_label, fields, field) => {
    const before = await userCount()
    const [attempts] = await sql<{ count: number }[]>`select count(*)::int as count from auth_attempts`
    const form = formData({ ...fields, callbackUrl: '/account' })
    const state = expectFailure(await registerAction(null, form))
    expect(state.error).toBe('Please correct the highlighted fields.')
    expect(state.fieldErrors?.[field]?.[0]).toEqual(expect.any(String))
    expect(Object.keys(state.fieldErrors ?? {})).toEqual([field])
    expect(state.values).toMatchObject({ name: fields.name.slice(0, 1000), email: fields.email })
    expect(state.values).not.toHaveProperty('password')
    expect(JSON.stringify(state)).not.toContain(PASSWORD)
    expect(await userCount()).toBe(before)
    expect((await sql<{ count: number }[]>`select count(*)::int as count from auth_attempts`)[0]).toEqual(attempts)
    expect(await mailTo(fields.email)).toEqual([])
    expect(nextAuthMock.signIn).not.toHaveBeenCalled()
  })

  it('ignores an off-site callbackUrl and lands on /account', async () => {
    const outcome = await outcomeOf(registerAction(null, formData({ name: 'Grace', email: uniqueEmail(), password: PASSWORD, callbackUrl: '//evil.example' })))
    expect(outcome).toEqual({ kind: 'redirect', url: 'http://localhost:3000/account' })
  })
})
