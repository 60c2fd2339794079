import { CredentialsSignin } from '@auth/core/errors'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { sql } from '@/db/client'
import { createTestUser, expectFailure, formData, outcomeOf, TEST_PASSWORD, uniqueEmail } from '@/lib/testing/auth'
import { credentialsAuthorize } from '@/lib/testing/next-auth-mock'
import { runAfterWork } from '@/lib/testing/after'
import { randomIp, setClientIp } from '@/lib/testing/next-headers-mock'
import { loginAction, registerAction, requestPasswordResetAction } from './actions'
import { RateLimitedSignin } from './auth'
import { clearAttempts, limitKeys, limits, lockedFor, loginKeys, loginSlowdownMs, loginThrottle, rateLimitMessage, recordAttempt, SLOWDOWN_AFTER, SLOWDOWN_MAX_MS } from './rate-limit'

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
  it('locks an email from one IP after 5 failures; even the right password is then refused from that IP', async () => {
    const user = await createTestUser()
    const ip = randomIp()
    for (let attempt = 1; attempt <= limits.login.pair; attempt++) {
      expect(await login(user.email, WRONG, ip)).toMatchObject({ kind: 'returned', value: { ok: false, error: NO_MATCH } })
    }
    const seconds = await lockedFor('login', loginKeys({ email: user.email, ip }))
    expect(seconds).toBeGreaterThan(14 * 60)
    expect(seconds).toBeLessThanOrEqual(15 * 60)

    // The sixth attempt has the right password, from the same IP.
    expect(await login(user.email, TEST_PASSWORD, ip)).toMatchObject({ kind: 'returned', value: { ok: false, error: rateLimitMessage } })
    await expect(authorize(user.email, TEST_PASSWORD, ip)).rejects.toBeInstanceOf(RateLimitedSignin)
    await expect(authorize(user.email, TEST_PASSWORD, ip)).rejects.toMatchObject({ code: 'rate_limited' })

    // Another account from another IP is unaffected.
    const other = await createTestUser()
    expect(await lockedFor('login', loginKeys({ email: other.email, ip: randomIp() }))).toBe(0)
    expect(await login(other.email, TEST_PASSWORD, randomIp())).toEqual({ kind: 'redirect', url: 'http://localhost:3000/account' })
  })

  it('an attacker failing 10 times cannot lock the owner out: the owner signs in from their own IP, only slowed down', async () => {
    const owner = await createTestUser()
    const attackerIp = randomIp()
    const ownerIp = randomIp()
    const waits: number[] = []
    vi.spyOn(loginThrottle, 'sleep').mockImplementation(async (ms) => void waits.push(ms))

    for (let attempt = 1; attempt <= 10; attempt++) await authorize(owner.email, WRONG, attackerIp).catch(() => 'refused')
    // The attacker's own IP is locked for this email…
    await expect(authorize(owner.email, TEST_PASSWORD, attackerIp)).rejects.toBeInstanceOf(RateLimitedSignin)
    expect(await lockedFor('login', loginKeys({ email: owner.email, ip: attackerIp }))).toBeGreaterThan(14 * 60)
    // …while the owner, from theirs, gets in, the upper-cased address too.
    waits.length = 0
    expect(await lockedFor('login', loginKeys({ email: owner.email, ip: ownerIp }))).toBe(0)
    expect(await login(owner.email.toUpperCase(), TEST_PASSWORD, ownerIp)).toEqual({ kind: 'redirect', url: 'http://localhost:3000/account' })
    // The owner waited, because the email had failures from elsewhere, but was not refused.
    expect(waits).toHaveLength(1)
    expect(waits[0]).toBeGreaterThan(0)
    expect(waits[0]).toBeLessThanOrEqual(SLOWDOWN_MAX_MS)
  })

  it('slows an email down more with every failure from anywhere, from none to at most 5 s', async () => {
    const user = await createTestUser()
    expect(await loginSlowdownMs(user.email)).toBe(0)
    for (let attempt = 1; attempt < SLOWDOWN_AFTER; attempt++) await recordAttempt('login', loginKeys({ email: user.email, ip: randomIp() }))
    expect(await loginSlowdownMs(user.email)).toBe(0)
    const delays: number[] = []
    for (let attempt = 0; attempt < 8; attempt++) {
      await recordAttempt('login', loginKeys({ email: user.email, ip: randomIp() }))
      delays.push(await loginSlowdownMs(user.email))
    }
    expect(delays[0]).toBeGreaterThan(0)
    for (let index = 1; index < delays.length; index++) expect(delays[index]).toBeGreaterThanOrEqual(delays[index - 1] ?? 0)
    expect(delays.at(-1)).toBe(SLOWDOWN_MAX_MS)
    // Failures from many IPs lock none of them, nor the email.
    expect(await sql`select 1 from auth_lockouts where action = 'login' and key like ${`%${user.email}%`}`).toHaveLength(0)
  })

  it('locks an IP for every email after 20 failures from it', async () => {
    const ip = randomIp()
    for (let attempt = 0; attempt < limits.login.ip - 1; attempt++) await recordAttempt('login', loginKeys({ email: uniqueEmail('spray'), ip }))
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

  it('a rotating X-Forwarded-For or X-Real-IP does not escape the IP limit', async () => {
    // One trusted proxy (the tests' setting) appends the real address; whatever the client
    // wrote before it, and x-real-ip, change on every request.
    const realIp = randomIp()
    for (let attempt = 0; attempt < limits.login.ip; attempt++) {
      const spoofed = randomIp()
      const request = new Request('http://localhost:3000/api/auth/callback/credentials', {
        method: 'POST',
        headers: { 'x-forwarded-for': `${spoofed}, ${realIp}`, 'x-real-ip': spoofed },
      })
      await credentialsAuthorize()({ email: uniqueEmail('rotate'), password: WRONG }, request)
    }
    expect(await lockedFor('login', [`ip:${realIp}`])).toBeGreaterThan(14 * 60)
    const user = await createTestUser()
    const request = new Request('http://localhost:3000/api/auth/callback/credentials', {
      method: 'POST',
      headers: { 'x-forwarded-for': `${randomIp()}, ${realIp}`, 'x-real-ip': randomIp() },
    })
    await expect(credentialsAuthorize()({ email: user.email, password: TEST_PASSWORD }, request)).rejects.toBeInstanceOf(RateLimitedSignin)

    // Through a server action (registration), rotating the forged part is refused after 10.
    for (let attempt = 0; attempt < limits.register.ip; attempt++) {
      setClientIp(`${randomIp()}, ${realIp}`)
      await outcomeOf(registerAction(null, formData({ name: 'Rotating', email: uniqueEmail('rotate'), password: 'Analytical engine 1843' })))
    }
    setClientIp(`${randomIp()}, ${realIp}`)
    expect(expectFailure(await registerAction(null, formData({ name: 'Rotating', email: uniqueEmail('rotate'), password: 'Analytical engine 1843' }))).error).toBe(rateLimitMessage)
  })

  it('an expired lockout no longer refuses', async () => {
    const user = await createTestUser()
    const ip = randomIp()
    for (let attempt = 0; attempt < limits.login.pair; attempt++) await recordAttempt('login', loginKeys({ email: user.email, ip }))
    expect(await login(user.email, TEST_PASSWORD, ip)).toMatchObject({ kind: 'returned', value: { error: rateLimitMessage } })

    await sql`update auth_lockouts set locked_until = now() - interval '1 second' where action = 'login' and key = ${`pair:${user.email}|${ip}`}`
    expect(await lockedFor('login', loginKeys({ email: user.email, ip }))).toBe(0)
    vi.spyOn(loginThrottle, 'sleep').mockResolvedValue()
    expect(await login(user.email, TEST_PASSWORD, ip)).toEqual({ kind: 'redirect', url: 'http://localhost:3000/account' })
  })

  it('a successful sign-in forgets the email’s failures and its own IP’s pair, but not the IP’s', async () => {
    const user = await createTestUser()
    const ip = randomIp()
    for (let attempt = 0; attempt < limits.login.pair - 1; attempt++) await recordAttempt('login', loginKeys({ email: user.email, ip }))
    expect(await attemptCount('login', `email:${user.email}`)).toBe(4)

    expect(await login(user.email, TEST_PASSWORD, ip)).toMatchObject({ kind: 'redirect' })
    expect(await attemptCount('login', `email:${user.email}`)).toBe(0)
    expect(await attemptCount('login', `pair:${user.email}|${ip}`)).toBe(0)
    expect(await attemptCount('login', `ip:${ip}`)).toBe(4)

    // Four more failures: without the reset these would have made eight and locked the pair.
    for (let attempt = 0; attempt < limits.login.pair - 1; attempt++) await recordAttempt('login', loginKeys({ email: user.email, ip }))
    expect(await lockedFor('login', loginKeys({ email: user.email, ip }))).toBe(0)

    await clearAttempts('login', `email:${user.email}`)
    expect(await attemptCount('login', `email:${user.email}`)).toBe(0)
  })

  it('counts only failures: successful sign-ins never lock an account', async () => {
    const user = await createTestUser()
    const ip = randomIp()
    for (let attempt = 0; attempt < limits.login.pair + 1; attempt++) await expect(authorize(user.email, TEST_PASSWORD, ip)).resolves.toMatchObject({ id: user.id })
    expect(await lockedFor('login', loginKeys({ email: user.email, ip }))).toBe(0)
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
    await runAfterWork()
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
