import { beforeEach, describe, expect, it, vi } from 'vitest'
import { sql } from '@/db/client'
import { createTestUser, expectForbidden, expectRedirectToLogin, signInAs } from '@/lib/testing/auth'
import { getCurrentUser, requireAdmin, requireUser } from './session'

vi.mock('next-auth', () => import('@/lib/testing/next-auth-mock'))
vi.mock('next/headers', () => import('@/lib/testing/next-headers-mock'))

beforeEach(() => signInAs(null))

describe('requireAdmin / requireUser', () => {
  it('allows an admin, and refuses them with 403 as soon as they are demoted in the database', async () => {
    const admin = await createTestUser({ role: 'admin' })
    signInAs({ id: admin.id, role: 'admin' })
    await expect(requireAdmin()).resolves.toMatchObject({ id: admin.id, role: 'admin', email: admin.email })

    await sql`update users set role = 'customer' where id = ${admin.id}`
    // The session (a JWT) still claims 'admin'; the database wins on the very next call.
    await expectForbidden(requireAdmin())
    await expect(requireUser()).resolves.toMatchObject({ id: admin.id, role: 'customer' })
  })

  it('refuses a customer with 403 even when the session claims admin', async () => {
    const customer = await createTestUser()
    signInAs({ id: customer.id, role: 'admin' })
    await expectForbidden(requireAdmin())
  })

  it('treats a promoted customer as admin at once', async () => {
    const customer = await createTestUser()
    signInAs({ id: customer.id, role: 'customer' })
    await expectForbidden(requireAdmin())
    await sql`update users set role = 'admin' where id = ${customer.id}`
    await expect(requireAdmin()).resolves.toMatchObject({ id: customer.id, role: 'admin' })
  })

  it('treats a deleted user’s session as signed out', async () => {
    const admin = await createTestUser({ role: 'admin' })
    signInAs({ id: admin.id, role: 'admin' })
    await expect(requireAdmin()).resolves.toMatchObject({ id: admin.id })
    await sql`delete from users where id = ${admin.id}`
    await expect(getCurrentUser()).resolves.toBeNull()
    expect(await expectRedirectToLogin(requireAdmin('/admin/products'))).toBe('/login?callbackUrl=%2Fadmin%2Fproducts')
    await expectRedirectToLogin(requireUser())
  })

  it('sends anonymous visitors to the login page with their destination', async () => {
    expect(await expectRedirectToLogin(requireAdmin())).toBe('/login?callbackUrl=%2Fadmin')
    expect(await expectRedirectToLogin(requireUser('/account/addresses'))).toBe('/login?callbackUrl=%2Faccount%2Faddresses')
    signInAs({ id: 'no-such-user', role: 'admin' })
    await expectRedirectToLogin(requireAdmin())
  })
})
