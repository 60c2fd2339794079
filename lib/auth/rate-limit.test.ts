import { CredentialsSignin } from '@auth/core/errors'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { sql } from '@/db/client'
import { createTestUser, expectFailure, formData, outcomeOf, TEST_PASSWORD, uniqueEmail } from '@/lib/testing/auth'
import { credentialsAuthorize } from '@/lib/testing/next-auth-mock'
import { randomIp, setClientIp } from '@/lib/testing/next-headers-mock'
import { loginAction, registerAction, requestPasswordResetAction } from './actions'
import { RateLimitedSignin } from './auth'
import { clearAttempts, limitKeys, limits, lockedFor, rateLimitMessage, recordAttempt } from './rate-limit'

vi.mock('next-auth', () => import('@/lib/testing/next-auth-mock'))
vi.mock('next/headers', () => import('@/lib/testing/next-headers-mock'))

const WRONG = 'definitely not it 123'
const NO_MATCH = 'That email and password do not match an account.'

function login(email: string, password: string, ip?: string) {
  if (ip) setClientIp(ip)
  return outcomeOf(loginAction(null, formData({ email, password, callbackUrl: '/account' })))
}

/** The Credentials provider's authorize from lib/auth/auth.ts, as Auth.js calls it. */
function authorize(email: string, password: string, ip: string) {
  const request = new Request('http://localhost:3000/api/auth/callback/credentials', { method: 'POST', headers: { 'x-forwarded-for': ip } })
  return credentialsAuthorize()({ email, password }, request)
}

async function attemptCount(action: string, key: string) {
  const [row] = await sql<{ count: number }[]>`select count(*)::int as count from auth_attempts where action = ${action} and key = ${key}`
  return row?.count ?? 0
}

beforeEach(() => {
  vi.spyOn(console, 'info').mockImplementation(() => {})
  setClientIp()
})

describe('sign-in rate limiting', () => {
  it('locks an email for 15 minutes after 5 failures; even the right password is then refused', async () => {
    const user = await createTestUser()
    const ip = randomIp()
    for (let attempt = 1; attempt <= limits.login.email; attempt++) {
      expect(await login(user.email, WRONG, ip)).toMatchObject({ kind: 'returned', value: { ok: false, error: NO_MATCH } })
    }
    const seconds = await lockedFor('login', [`email:${user.email}`])
    expect(seconds).toBeGreaterThan(14 * 60)
    expect(seconds).toBeLessThanOrEqual(15 * 60)

    // The sixth attempt has the right password, from the same IP and from a new one.
    expect(await login(user.email, TEST_PASSWORD, ip)).toMatchObject({ kind: 'returned', value: { ok: false, error: rateLimitMessage } })
    expect(await login(user.email.toUpperCase(), TEST_PASSWORD, randomIp())).toMatchObject({ kind: 'returned', value: { ok: false, error: rateLimitMessage } })
    await expect(authorize(user.email, TEST_PASSWORD, randomIp())).rejects.toBeInstanceOf(RateLimitedSignin)
    await expect(authorize(user.email, TEST_PASSWORD, randomIp())).rejects.toMatchObject({ code: 'rate_limited' })

    // Another account from another IP is unaffected.
    const other = await createTestUser()
    expect(await lockedFor('login', limitKeys({ email: other.email, ip: randomIp() }))).toBe(0)
    expect(await login(other.email, TEST_PASSWORD, randomIp())).toEqual({ kind: 'redirect', url: 'http://localhost:3000/account' })
  })

  it('locks an IP for every email after 20 failures from it', async () => {
    const ip = randomIp()
    for (let attempt = 0; attempt < limits.login.ip - 1; attempt++) await recordAttempt('login', limitKeys({ email: uniqueEmail('spray'), ip }))
    expect(await lockedFor('login', [`ip:${ip}`])).toBe(0)
    // The 20th failure goes through the real provider (an unknown email).
    await expect(authorize(uniqueEmail('spray'), WRONG, ip)).resolves.toBeNull()
    expect(await lockedFor('login', [`ip:${ip}`])).toBeGreaterThan(14 * 60)

    const user = await createTestUser()
    expect(await login(user.email, TEST_PASSWORD, ip)).toMatchObject({ kind: 'returned', value: { ok: false, error: rateLimitMessage } })
    await expect(authorize(user.email, TEST_PASSWORD, ip)).rejects.toBeInstanceOf(CredentialsSignin)
    // The same account from elsewhere signs in.
    expect(await login(user.email, TEST_PASSWORD, randomIp())).toMatchObject({ kind: 'redirect' })
  })

  it('an expired lockout no longer refuses', async () => {
    const user = await createTestUser()
    const ip = randomIp()
    for (let attempt = 0; attempt < limits.login.email; attempt++) await recordAttempt('login', limitKeys({ email: user.email, ip }))
    expect(await login(user.email, TEST_PASSWORD, randomIp())).toMatchObject({ kind: 'returned', value: { error: rateLimitMessage } })

    await sql`update auth_lockouts set locked_until = now() - interval '1 second' where action = 'login' and key = ${`email:${user.email}`}`
    expect(await lockedFor('login', limitKeys({ email: user.email, ip: randomIp() }))).toBe(0)
    expect(await login(user.email, TEST_PASSWORD, randomIp())).toEqual({ kind: 'redirect', url: 'http://localhost:3000/account' })
  })

  it('a successful sign-in forgets the email’s failures but not the IP’s', async () => {
    const user = await createTestUser()
    const ip = randomIp()
    for (let attempt = 0; attempt < limits.login.email - 1; attempt++) await recordAttempt('login', limitKeys({ email: user.email, ip }))
    expect(await attemptCount('login', `email:${user.email}`)).toBe(4)

    expect(await login(user.email, TEST_PASSWORD, ip)).toMatchObject({ kind: 'redirect' })
    expect(await attemptCount('login', `email:${user.email}`)).toBe(0)
    expect(await attemptCount('login', `ip:${ip}`)).toBe(4)

    // Four more failures: without the reset these would have made eight and locked the email.
    for (let attempt = 0; attempt < limits.login.email - 1; attempt++) await recordAttempt('login', limitKeys({ email: user.email, ip: randomIp() }))
    expect(await lockedFor('login', [`email:${user.email}`])).toBe(0)

    await clearAttempts('login', `email:${user.email}`)
    expect(await attemptCount('login', `email:${user.email}`)).toBe(0)
  })

  it('counts only failures: successful sign-ins never lock an account', async () => {
    const user = await createTestUser()
    const ip = randomIp()
    for (let attempt = 0; attempt < limits.login.email + 1; attempt++) await expect(authorize(user.email, TEST_PASSWORD, ip)).resolves.toMatchObject({ id: user.id })
    expect(await lockedFor('login', limitKeys({ email: user.email, ip }))).toBe(0)
  })
})

describe('registration and reset rate limiting', () => {
  it('allows 3 registrations per email in the window', async () => {
    const email = uniqueEmail('repeat')
    const form = () => formData({ name: 'Repeat', email, password: 'Analytical engine 1843' })
    expect(await outcomeOf(registerAction(null, form()))).toMatchObject({ kind: 'redirect' })
    for (let attempt = 2; attempt <= limits.register.email; attempt++) {
      setClientIp()
      expect(expectFailure(await registerAction(null, form())).fieldErrors?.email?.[0]).toMatch(/already exists/)
    }
    setClientIp()
    const limited = expectFailure(await registerAction(null, form()))
    expect(limited.error).toBe(rateLimitMessage)
    expect(limited.values).toEqual({ name: 'Repeat', email })
  })

  it('allows 10 registrations per IP in the window', async () => {
    const ip = setClientIp()
    for (let attempt = 0; attempt < limits.register.ip; attempt++) await recordAttempt('register', limitKeys({ email: uniqueEmail('bulk'), ip }))
    const email = uniqueEmail('eleventh')
    const state = expectFailure(await registerAction(null, formData({ name: 'Eleventh', email, password: 'Analytical engine 1843' })))
    expect(state.error).toBe(rateLimitMessage)
    expect(await sql`select 1 from users where email = ${email}`).toHaveLength(0)
  })

  it('allows 3 reset requests per email and 10 per IP', async () => {
    const user = await createTestUser()
    for (let attempt = 0; attempt < limits.password_reset.email; attempt++) {
      setClientIp()
      expect(await requestPasswordResetAction(null, formData({ email: user.email }))).toMatchObject({ ok: true })
    }
    setClientIp()
    expect(expectFailure(await requestPasswordResetAction(null, formData({ email: user.email }))).error).toBe(rateLimitMessage)
    const [mails] = await sql<{ count: number }[]>`select count(*)::int as count from dev_mailbox where "to" = ${user.email}`
    expect(mails?.count).toBe(limits.password_reset.email)

    const ip = setClientIp()
    for (let attempt = 0; attempt < limits.password_reset.ip; attempt++) {
      expect(await requestPasswordResetAction(null, formData({ email: uniqueEmail('probe') }))).toMatchObject({ ok: true })
    }
    expect(expectFailure(await requestPasswordResetAction(null, formData({ email: uniqueEmail('probe') }))).error).toBe(rateLimitMessage)
    expect(await lockedFor('password_reset', [`ip:${ip}`])).toBeGreaterThan(0)
  })
})
