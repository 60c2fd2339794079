import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { sql } from '@/db/client'
import { auditEntries, cleanUpFixtures, insertOrder } from '@/lib/testing/admin'
import { createTestUser, expectFailure, formData, signInAs } from '@/lib/testing/auth'
import { setRoleAction } from './actions'
import { getCustomer, listCustomers, parseCustomerListParams } from './queries'

vi.mock('next-auth', () => import('@/lib/testing/next-auth-mock'))
vi.mock('next/headers', () => import('@/lib/testing/next-headers-mock'))
vi.mock('next/cache', async (importOriginal) => ({ ...(await importOriginal<Record<string, unknown>>()), revalidatePath: vi.fn() }))

const role = async (id: string) => (await sql<{ role: string }[]>`select role from users where id = ${id}`)[0]?.role

describe('customers', () => {
  let admins: string[] = []
  beforeAll(async () => {
    admins = (await sql<{ id: string }[]>`select id from users where role = 'admin'`).map((row) => row.id)
  })
  afterAll(async () => {
    await cleanUpFixtures()
    if (admins.length > 0) await sql`update users set role = 'admin' where id in ${sql(admins)}`
  })
  beforeEach(async () => {
    // Each test decides who the admins are.
    await sql`update users set role = 'customer' where role = 'admin'`
  })

  it('lists customers with their order count and total spent (refunds, pending and cancelled orders left out)', async () => {
    const buyer = await createTestUser({ name: 'Quentin Spender' })
    await insertOrder({ userId: buyer.id, totalCents: 5000 })
    await insertOrder({ userId: buyer.id, totalCents: 3000, refundedCents: 1000, status: 'partially_refunded' })
    await insertOrder({ userId: buyer.id, totalCents: 9999, status: 'pending' })
    await insertOrder({ userId: buyer.id, totalCents: 7777, status: 'cancelled', paidAt: null })
    const { rows, total } = await listCustomers(parseCustomerListParams({ q: 'quentin spender' }))
    expect(total).toBe(1)
    expect(rows[0]).toMatchObject({ id: buyer.id, orderCount: 2, spentCents: 7000 })
    const detail = await getCustomer(buyer.id)
    expect(detail).toMatchObject({ orderCount: 2, spentCents: 7000 })
    expect(detail?.orders).toHaveLength(4)
    expect(await getCustomer('nobody')).toBeNull()
  })

  it('promotes and demotes, with audit entries; the last admin cannot be demoted', async () => {
    const boss = await createTestUser({ role: 'admin' })
    const clerk = await createTestUser()
    signInAs(boss)
    const setRole = (userId: string, to: string) => setRoleAction(null, formData({ userId, role: to }))

    expect(expectFailure(await setRole(boss.id, 'customer')).error).toMatch(/only admin/)
    expect(await role(boss.id)).toBe('admin')

    expect(await setRole(clerk.id, 'admin')).toMatchObject({ ok: true })
    expect(await role(clerk.id)).toBe('admin')
    expect(await auditEntries('user', clerk.id)).toMatchObject([{ action: 'user.promote', actor_email: boss.email, before: { role: 'customer' }, after: { role: 'admin' } }])

    // Now there are two admins, so the boss may step down.
    expect(await setRole(boss.id, 'customer')).toMatchObject({ ok: true })
    expect(await role(boss.id)).toBe('customer')

    signInAs(clerk)
    expect(expectFailure(await setRole(clerk.id, 'customer')).error).toMatch(/only admin/)
    expect(expectFailure(await setRole('no-such-user', 'admin')).error).toBe('That account no longer exists.')
    expect(expectFailure(await setRole(clerk.id, 'owner')).fieldErrors?.role).toBeDefined()
  })

  it('never leaves the shop without an admin when two admins demote each other at once', async () => {
    const a = await createTestUser({ role: 'admin' })
    const b = await createTestUser({ role: 'admin' })
    signInAs(a)
    const first = setRoleAction(null, formData({ userId: b.id, role: 'customer' }))
    signInAs(b)
    const second = setRoleAction(null, formData({ userId: a.id, role: 'customer' }))
    await Promise.allSettled([first, second])
    const [{ count } = { count: 0 }] = await sql<{ count: number }[]>`select count(*)::int as count from users where role = 'admin'`
    expect(count).toBe(1)
  })
})
