import { beforeEach, describe, expect, it, vi } from 'vitest'
import { sql } from '@/db/client'
import { createTestUser, signInAs } from '@/lib/testing/auth'
import { createTestProduct, placeOrder } from '@/lib/testing/commerce'
import { createTestPromotion, uniqueCode } from '@/lib/testing/promotions'
import { pageAccess } from './page-access'

vi.mock('next-auth', () => import('@/lib/testing/next-auth-mock'))
vi.mock('next/headers', () => import('@/lib/testing/next-headers-mock'))

beforeEach(() => signInAs(null))

const access = (url: string) => {
  const { pathname, searchParams } = new URL(url, 'http://shop.test')
  return pageAccess(pathname, searchParams)
}

describe('pageAccess: the status proxy.ts gives a page before it renders', () => {
  it('forbids the admin area to a signed-in customer, by the role in the database', async () => {
    const customer = await createTestUser()
    signInAs({ id: customer.id, role: 'admin' }) // the token's claim is not what counts
    expect(await access('/admin')).toBe('forbidden')
    expect(await access('/admin/orders/12')).toBe('forbidden')
    const admin = await createTestUser({ role: 'admin' })
    signInAs({ id: admin.id, role: 'admin' })
    expect(await access('/admin/orders')).toBe('page')
    // Signed out, the page itself sends the visitor to the login form.
    signInAs(null)
    expect(await access('/admin')).toBe('page')
  })

  it('answers 404 for an admin page of a record that does not exist, and lets the others through', async () => {
    const admin = await createTestUser({ role: 'admin' })
    signInAs({ id: admin.id, role: 'admin' })
    const product = await createTestProduct({ stock: 5 })
    const { orderId } = await placeOrder([{ product, quantity: 1 }], { email: 'admin-pages@example.com' })
    // Paused and behind a code: other test files' carts must not get free shipping from it.
    const promotion = await createTestPromotion({ kind: 'free_shipping', code: uniqueCode('ADMINPAGE'), active: false })

    for (const path of [`/admin/products/${product.id}`, `/admin/orders/${orderId}`, `/admin/customers/${admin.id}`, `/admin/promotions/${promotion.id}`]) {
      expect(await access(path), path).toBe('page')
    }
    for (const path of [
      '/admin/products/2147483000',
      '/admin/orders/2147483000',
      '/admin/customers/no-such-user',
      '/admin/promotions/2147483000',
      '/admin/returns/2147483000',
      '/admin/products/abc',
    ]) {
      expect(await access(path), path).toBe('no-record')
    }
    // Pages that are not one record's.
    for (const path of ['/admin/products/new', '/admin/products/import', '/admin/promotions/new', '/admin/products', '/admin/audit/2147483000']) {
      expect(await access(path), path).toBe('page')
    }
  })

  it('finds a shopper’s own order and nobody else’s', async () => {
    const owner = await createTestUser()
    const other = await createTestUser()
    const product = await createTestProduct({ stock: 5 })
    const { orderId } = await placeOrder([{ product, quantity: 1 }], { userId: owner.id, email: owner.email })

    signInAs({ id: owner.id, role: 'customer' })
    expect(await access(`/account/orders/${orderId}`)).toBe('page')
    expect(await access('/account/orders/2147483000')).toBe('not-found')
    expect(await access('/account/orders/abc')).toBe('not-found')
    signInAs({ id: other.id, role: 'customer' })
    expect(await access(`/account/orders/${orderId}`)).toBe('not-found')
    expect(await access('/account/orders')).toBe('page')
  })

  it('opens a guest order only with its key', async () => {
    const product = await createTestProduct({ stock: 5 })
    const { orderId } = await placeOrder([{ product, quantity: 1 }], { email: 'guest@example.com' })
    const [row] = await sql<{ access_key: string }[]>`select access_key from orders where id = ${orderId}`
    const key = row?.access_key ?? ''
    expect(key).not.toBe('')

    expect(await access(`/orders/${orderId}?key=${encodeURIComponent(key)}`)).toBe('page')
    expect(await access(`/orders/${orderId}?key=${encodeURIComponent(key)}x`)).toBe('not-found')
    expect(await access(`/orders/${orderId}`)).toBe('not-found')
    expect(await access(`/orders/${orderId}?key=${encodeURIComponent(key)}&key=other`)).toBe('not-found')
    expect(await access(`/orders/${orderId + 1}?key=${encodeURIComponent(key)}`)).toBe('not-found')
    // One way to write an order's number: no sign, padding, leading zero or exponent.
    for (const written of [`+${orderId}`, `%20${orderId}`, `${orderId}%20`, `0${orderId}`, `${orderId}.0`, `${orderId / 10_000}e4`]) {
      expect(await access(`/orders/${written}?key=${encodeURIComponent(key)}`), written).toBe('not-found')
    }
    expect(await access('/orders/lookup')).toBe('page')
  })

  it('leaves every other page alone', async () => {
    for (const path of ['/', '/products/anything', '/category/x', '/account', '/account/orders']) {
      expect(await access(path)).toBe('page')
    }
  })
})
