import type { JWT } from 'next-auth/jwt'
import { beforeEach, describe, expect, it } from 'vitest'
import { sql } from '@/db/client'
import { GET as confirmEmail } from '@/app/(account)/account/confirm-email/route'
import { NextRequest } from 'next/server'
import { changePasswordAction, deleteAccountAction, signOutOtherDevicesAction } from '@/lib/account/actions'
import { setUserRole } from '@/lib/admin/customers/service'
import { createTestUser, expectRedirect, expectRedirectToLogin, formData, outcomeOf, signInAs, TEST_PASSWORD, type TestUser, uniqueEmail } from '@/lib/testing/auth'
import { authConfig, nextAuthMock } from '@/lib/testing/next-auth-mock'
import { resetPasswordAction } from './actions'
import { sessionVersionGrant } from './session-version'
import { getCurrentUser, requireUser } from './session'
import { createAccountToken } from './tokens'

const NEW_PASSWORD = 'Brand new passphrase 7'

/** The session version a fresh sign-in would put into the token (the real jwt callback). */
async function signInToken(user: TestUser): Promise<JWT> {
  const jwt = authConfig().callbacks?.jwt
  if (!jwt) throw new Error('no jwt callback')
  const token = await jwt({ token: {}, user: { id: user.id, role: user.role }, account: null, trigger: 'signIn' } as Parameters<typeof jwt>[0])
  if (!token) throw new Error('no token')
  return token
}

/** A second device: a session of this user that began at the account's version at the time. */
async function otherDevice(user: TestUser) {
  return (await signInToken(user)).sessionVersion ?? 0
}

/** Whether a session of `user` that began at `version` is still signed in. */
async function stillSignedIn(user: TestUser, version: number) {
  signInAs(user, version)
  return (await getCurrentUser())?.id === user.id
}

/** Signs in as the user on "this device" and returns what the session says after `act`. */
async function thisDeviceAfter(user: TestUser, act: () => Promise<unknown>) {
  signInAs(user, await otherDevice(user))
  await outcomeOf(act)
  return (await getCurrentUser())?.id === user.id
}

beforeEach(() => {
  signInAs(null)
  nextAuthMock.update.mockClear()
})

describe('session versions', () => {
  it('a fresh sign-in carries the account’s current version, and its session works', async () => {
    const user = await createTestUser()
    const token = await signInToken(user)
    expect(token.sessionVersion).toBe(0)
    expect(await stillSignedIn(user, 0)).toBe(true)
    // Tokens from before session versions carry none and count as version 0.
    signInAs(user)
    expect((await getCurrentUser())?.id).toBe(user.id)
  })

  it('a password change ends every other session at once; the session that changed it stays signed in', async () => {
    const user = await createTestUser()
    const laptop = await otherDevice(user)
    let answer = ''
    const stayed = await thisDeviceAfter(user, async () => {
      answer = await expectRedirect(changePasswordAction(null, formData({ currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD })))
    })
    expect(answer).toBe('/account/profile?password=changed')
    expect(stayed).toBe(true)
    expect(nextAuthMock.update).toHaveBeenCalledTimes(1)
    expect(await stillSignedIn(user, laptop)).toBe(false)
    signInAs(user, laptop)
    await expectRedirectToLogin(requireUser('/account'))
    // Signing in again (with the new password) gives a session that works.
    expect(await stillSignedIn(user, await otherDevice(user))).toBe(true)
  })

  it('a wrong current password ends nothing', async () => {
    const user = await createTestUser()
    const laptop = await otherDevice(user)
    signInAs(user, laptop)
    await changePasswordAction(null, formData({ currentPassword: 'not my password 123', newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD }))
    expect(await stillSignedIn(user, laptop)).toBe(true)
  })

  it('a password reset ends every session of the account', async () => {
    const user = await createTestUser()
    const phone = await otherDevice(user)
    const token = await createAccountToken({ userId: user.id, purpose: 'password_reset' })
    expect(await expectRedirect(resetPasswordAction(null, formData({ token, password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD })))).toBe('/login?reset=1')
    expect(await stillSignedIn(user, phone)).toBe(false)
  })

  it('an email change ends the other sessions; the session that confirmed it stays signed in', async () => {
    const user = await createTestUser()
    const laptop = await otherDevice(user)
    const token = await createAccountToken({ userId: user.id, purpose: 'email_change', newEmail: uniqueEmail('moved') })
    const stayed = await thisDeviceAfter(user, async () => {
      const response = await confirmEmail(new NextRequest(`http://localhost:3000/account/confirm-email?token=${token}`))
      expect(new URL(response.headers.get('location') ?? '', 'http://shop.test').searchParams.get('email')).toBe('changed')
    })
    expect(stayed).toBe(true)
    expect(await stillSignedIn(user, laptop)).toBe(false)
  })

  it('an email-change link that is not used ends nothing', async () => {
    const user = await createTestUser()
    const laptop = await otherDevice(user)
    signInAs(user, laptop)
    await confirmEmail(new NextRequest('http://localhost:3000/account/confirm-email?token=' + 'x'.repeat(43)))
    expect(await stillSignedIn(user, laptop)).toBe(true)
  })

  it('a demotion ends the demoted admin’s sessions; a promotion does not', async () => {
    const actor = await createTestUser({ role: 'admin' })
    const demoted = await createTestUser({ role: 'admin' })
    const session = await otherDevice(demoted)
    expect(await setUserRole(actor, demoted.id, 'customer')).toMatchObject({ ok: true })
    expect(await stillSignedIn(demoted, session)).toBe(false)

    const promoted = await createTestUser()
    const promotedSession = await otherDevice(promoted)
    expect(await setUserRole(actor, promoted.id, 'admin')).toMatchObject({ ok: true })
    expect(await stillSignedIn(promoted, promotedSession)).toBe(true)
    await sql`update users set role = 'customer' where id in (${actor.id}, ${promoted.id})`
  })

  it('“Sign out of all other devices” ends the others and keeps this one', async () => {
    const user = await createTestUser()
    const phone = await otherDevice(user)
    const tablet = await otherDevice(user)
    let answer = ''
    const stayed = await thisDeviceAfter(user, async () => {
      answer = await expectRedirect(signOutOtherDevicesAction(null, formData({ scope: 'others' })))
    })
    expect(answer).toBe('/account/profile?sessions=ended')
    expect(stayed).toBe(true)
    expect(await stillSignedIn(user, phone)).toBe(false)
    expect(await stillSignedIn(user, tablet)).toBe(false)
  })

  it('account deletion ends every session of the account', async () => {
    const user = await createTestUser()
    const phone = await otherDevice(user)
    signInAs(user, phone)
    expect(await outcomeOf(deleteAccountAction(null, formData({ currentPassword: TEST_PASSWORD, confirm: 'DELETE' })))).toEqual({ kind: 'redirect', url: '/?account=deleted' })
    expect(await stillSignedIn(user, phone)).toBe(false)
  })

  it('a session cannot move itself to the new version without the server’s grant', async () => {
    const user = await createTestUser()
    const stolen = await otherDevice(user)
    // The owner signs the other sessions out; the stolen one tries to follow to the new version.
    signInAs(user, stolen)
    await expectRedirect(signOutOtherDevicesAction(null, formData({ scope: 'others' })))
    const jwt = authConfig().callbacks?.jwt
    if (!jwt) throw new Error('no jwt callback')
    const update = (session: unknown) => jwt({ token: { id: user.id, sessionVersion: stolen }, user: undefined, trigger: 'update', session } as unknown as Parameters<typeof jwt>[0])
    // The browser can post any data to /api/auth/session: a version alone, or a made-up grant, is ignored.
    expect(await update({ user: { sessionVersion: stolen + 1 } })).toMatchObject({ sessionVersion: stolen })
    expect(await update({ user: { sessionVersion: stolen + 1 }, sessionVersionGrant: 'forged' })).toMatchObject({ sessionVersion: stolen })
    // A grant for another account does not fit this one.
    const other = await createTestUser()
    expect(await update({ user: { sessionVersion: stolen + 1 }, sessionVersionGrant: sessionVersionGrant(other.id, stolen + 1) })).toMatchObject({ sessionVersion: stolen })
    expect(await stillSignedIn(user, stolen)).toBe(false)
  })
})
