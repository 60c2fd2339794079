import { beforeEach, describe, expect, it, vi } from 'vitest'
import { sql } from '@/db/client'
import { createTestUser, expectFailure, formData, mailTo, outcomeOf, passwordHashOf, TEST_PASSWORD, uniqueEmail } from '@/lib/testing/auth'
import { runAfterWork } from '@/lib/testing/after'
import { setClientIp } from '@/lib/testing/next-headers-mock'
import { requestPasswordResetAction, resetPasswordAction } from './actions'
import { verifyPassword } from './password'

vi.mock('next-auth', () => import('@/lib/testing/next-auth-mock'))
vi.mock('next/headers', () => import('@/lib/testing/next-headers-mock'))

const NEW_PASSWORD = 'Brand new passphrase 7'

beforeEach(() => {
  vi.spyOn(console, 'info').mockImplementation(() => {})
  setClientIp()
})

/** Asks for a reset link and returns the token from the mail. */
async function requestResetToken(email: string) {
  await requestPasswordResetAction(null, formData({ email }))
  await runAfterWork()
  const mail = await mailTo(email)
  const match = /\/reset-password\?token=([A-Za-z0-9_-]+)/.exec(mail.at(-1)?.text ?? '')
  if (!match?.[1]) throw new Error(`no reset link mailed to ${email}`)
  return match[1]
}

function resetForm(token: string, password = NEW_PASSWORD) {
  return formData({ token, password, confirmPassword: password })
}

describe('requestPasswordResetAction', () => {
  it('answers a registered and an unknown email alike, and mails only the registered one', async () => {
    const user = await createTestUser()
    const unknown = uniqueEmail('nobody')
    const known = await requestPasswordResetAction(null, formData({ email: user.email.toUpperCase() }))
    const stranger = await requestPasswordResetAction(null, formData({ email: unknown }))
    // The answer waits for nothing that differs between the two: no account looked up, no token
    // written, no mail server asked (its round trip would time an email as registered).
    expect(await mailTo(user.email)).toEqual([])
    expect(await sql`select 1 from account_tokens where user_id = ${user.id}`).toHaveLength(0)
    await runAfterWork()

    const sameShape = (state: typeof known, email: string) => JSON.stringify(state).replace(email, '<email>')
    expect(known).toMatchObject({ ok: true })
    expect(sameShape(known, user.email)).toBe(sameShape(stranger, unknown))
    expect(known).toEqual({ ok: true, message: `If ${user.email} has an account, we have sent it a link to reset the password. It expires in 1 hour.` })

    const mail = await mailTo(user.email)
    expect(mail).toHaveLength(1)
    expect(mail[0]?.text).toMatch(/http:\/\/localhost:3000\/reset-password\?token=[A-Za-z0-9_-]{43}\b/)
    expect(await mailTo(unknown)).toEqual([])
    const [tokens] = await sql<{ count: number }[]>`select count(*)::int as count from account_tokens where user_id = ${user.id} and purpose = 'password_reset'`
    expect(tokens?.count).toBe(1)
  })

  it('stores only a SHA-256 of the token, valid for one hour', async () => {
    const user = await createTestUser()
    const token = await requestResetToken(user.email)
    const rows = await sql<{ tokenHash: string; minutes: number }[]>`
      select token_hash as "tokenHash", extract(epoch from expires_at - created_at)::float8 / 60 as minutes
      from account_tokens where user_id = ${user.id}`
    expect(rows).toHaveLength(1)
    expect(rows[0]?.tokenHash).toMatch(/^[0-9a-f]{64}$/)
    expect(rows[0]?.tokenHash).not.toContain(token)
    expect(rows[0]?.minutes).toBeCloseTo(60, 0)
  })

  it('refuses a malformed email with a field error', async () => {
    const state = expectFailure(await requestPasswordResetAction(null, formData({ email: 'not-an-email' })))
    expect(state.fieldErrors?.email).toEqual(['Enter a valid email address, like name@example.com.'])
  })
})

describe('resetPasswordAction', () => {
  it('sets the new password once, then refuses to replay the link', async () => {
    const user = await createTestUser()
    const token = await requestResetToken(user.email)
    const before = await passwordHashOf(user.id)

    expect(await outcomeOf(resetPasswordAction(null, resetForm(token)))).toEqual({ kind: 'redirect', url: '/login?reset=1' })
    const after = await passwordHashOf(user.id)
    expect(after).not.toBe(before)
    await expect(verifyPassword(after, NEW_PASSWORD)).resolves.toBe(true)
    await expect(verifyPassword(after, TEST_PASSWORD)).resolves.toBe(false)

    const replay = expectFailure(await resetPasswordAction(null, resetForm(token, 'Attacker chosen pass 9')))
    expect(replay.error).toBe('This reset link has expired or was already used. Request a new one.')
    expect(await passwordHashOf(user.id)).toBe(after)
  })

  it('refuses an expired link and changes nothing', async () => {
    const user = await createTestUser()
    const token = await requestResetToken(user.email)
    await sql`update account_tokens set expires_at = now() - interval '1 second' where user_id = ${user.id}`
    const before = await passwordHashOf(user.id)
    const state = expectFailure(await resetPasswordAction(null, resetForm(token)))
    expect(state.error).toMatch(/expired or was already used/)
    expect(await passwordHashOf(user.id)).toBe(before)
  })

  it('only the newest link works', async () => {
    const user = await createTestUser()
    const first = await requestResetToken(user.email)
    const second = await requestResetToken(user.email)
    expect(first).not.toBe(second)
    expectFailure(await resetPasswordAction(null, resetForm(first)))
    expect(await outcomeOf(resetPasswordAction(null, resetForm(second)))).toEqual({ kind: 'redirect', url: '/login?reset=1' })
  })

  it.each(['', 'short', `${'a'.repeat(42)}!`, 'a'.repeat(44)])('refuses the malformed token %j with a clear message', async (token) => {
    const state = expectFailure(await resetPasswordAction(null, resetForm(token)))
    expect(state.error).toBe('This reset link is invalid. Request a new one.')
    expect(state.values).toBeUndefined()
  })

  it('refuses a well-formed but unknown token', async () => {
    const state = expectFailure(await resetPasswordAction(null, resetForm('A'.repeat(43))))
    expect(state.error).toMatch(/expired or was already used/)
  })

  it('checks the new password before using up the link', async () => {
    const user = await createTestUser()
    const token = await requestResetToken(user.email)
    const weak = expectFailure(await resetPasswordAction(null, resetForm(token, 'password123')))
    expect(weak.fieldErrors?.password).toEqual(['That password is too common. Choose something harder to guess.'])
    expect(weak.values).toEqual({})
    const mismatch = expectFailure(await resetPasswordAction(null, formData({ token, password: NEW_PASSWORD, confirmPassword: 'something else' })))
    expect(mismatch.fieldErrors?.confirmPassword).toEqual(['The two passwords do not match.'])
    // The link still works.
    expect(await outcomeOf(resetPasswordAction(null, resetForm(token)))).toEqual({ kind: 'redirect', url: '/login?reset=1' })
  })
})
