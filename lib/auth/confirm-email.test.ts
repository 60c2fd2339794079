import { NextRequest } from 'next/server'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { sql } from '@/db/client'
import { GET } from '@/app/(account)/account/confirm-email/route'
import { createTestUser, expectRedirectToLogin, signInAs, uniqueEmail } from '@/lib/testing/auth'
import { createAccountToken } from './tokens'

vi.mock('next-auth', () => import('@/lib/testing/next-auth-mock'))
vi.mock('next/headers', () => import('@/lib/testing/next-headers-mock'))

function confirm(token: string) {
  return GET(new NextRequest(`http://localhost:3000/account/confirm-email?token=${encodeURIComponent(token)}`))
}

async function confirmOutcome(token: string) {
  const response = await confirm(token)
  expect(response.status).toBe(303)
  // Relative: the browser stays on the host it asked, whatever Next takes the request URL to be.
  const location = response.headers.get('location') ?? ''
  expect(location).toMatch(/^\/account\/profile\?/)
  return new URL(location, 'http://shop.test').searchParams.get('email')
}

async function emailOf(userId: string) {
  const [row] = await sql<{ email: string; verified: boolean }[]>`select email, email_verified is not null as verified from users where id = ${userId}`
  return row
}

beforeEach(() => signInAs(null))

describe('GET /account/confirm-email', () => {
  it('switches the signed-in user’s email once; a replay is invalid', async () => {
    const user = await createTestUser()
    const newEmail = uniqueEmail('new')
    const token = await createAccountToken({ userId: user.id, purpose: 'email_change', newEmail })
    signInAs(user)
    expect(await confirmOutcome(token)).toBe('changed')
    expect(await emailOf(user.id)).toEqual({ email: newEmail, verified: true })

    expect(await confirmOutcome(token)).toBe('invalid')
    expect((await emailOf(user.id))?.email).toBe(newEmail)
  })

  it('refuses another user’s link without using it up', async () => {
    const owner = await createTestUser()
    const other = await createTestUser()
    const newEmail = uniqueEmail('owner-new')
    const token = await createAccountToken({ userId: owner.id, purpose: 'email_change', newEmail })

    signInAs(other)
    expect(await confirmOutcome(token)).toBe('invalid')
    expect((await emailOf(other.id))?.email).toBe(other.email)
    expect((await emailOf(owner.id))?.email).toBe(owner.email)

    signInAs(owner)
    expect(await confirmOutcome(token)).toBe('changed')
    expect((await emailOf(owner.id))?.email).toBe(newEmail)
  })

  it('sends an anonymous visitor to log in and back, leaving the link usable', async () => {
    const user = await createTestUser()
    const newEmail = uniqueEmail('later')
    const token = await createAccountToken({ userId: user.id, purpose: 'email_change', newEmail })
    const url = await expectRedirectToLogin(confirm(token))
    expect(decodeURIComponent(url.replace('/login?callbackUrl=', ''))).toBe(`/account/confirm-email?token=${token}`)
    signInAs(user)
    expect(await confirmOutcome(token)).toBe('changed')
  })

  it('refuses expired, malformed, unknown and password-reset tokens', async () => {
    const user = await createTestUser()
    signInAs(user)
    const expired = await createAccountToken({ userId: user.id, purpose: 'email_change', newEmail: uniqueEmail('expired') })
    await sql`update account_tokens set expires_at = now() - interval '1 second' where user_id = ${user.id} and purpose = 'email_change'`
    expect(await confirmOutcome(expired)).toBe('invalid')
    expect(await confirmOutcome('')).toBe('invalid')
    expect(await confirmOutcome('not-a-token')).toBe('invalid')
    expect(await confirmOutcome('B'.repeat(43))).toBe('invalid')
    const reset = await createAccountToken({ userId: user.id, purpose: 'password_reset' })
    expect(await confirmOutcome(reset)).toBe('invalid')
    expect((await emailOf(user.id))?.email).toBe(user.email)
  })

  it('reports an address taken in the meantime and keeps the link', async () => {
    const user = await createTestUser()
    const wanted = uniqueEmail('wanted')
    const token = await createAccountToken({ userId: user.id, purpose: 'email_change', newEmail: wanted })
    const squatter = await createTestUser({ email: wanted.toUpperCase() })
    signInAs(user)
    expect(await confirmOutcome(token)).toBe('taken')
    expect((await emailOf(user.id))?.email).toBe(user.email)
    await sql`delete from users where id = ${squatter.id}`
    expect(await confirmOutcome(token)).toBe('changed')
  })
})
