import { NextRequest } from 'next/server'
import { sql } from '@/db/client'
import { afterAll, describe, expect, it, vi } from 'vitest'
import { createTestUser, formData, outcomeOf } from '@/lib/testing/auth'
import { createTestProduct, orderRow, placeOrder } from '@/lib/testing/commerce'
import { setClientIp } from '@/lib/testing/next-headers-mock'
import { lookupOrderAction } from './actions'
import { getOrderByAccessKey, getOrderForUser, listOrdersForUser } from './queries'

vi.hoisted(() => {
  process.env.CRON_SECRET = 'cron-secret-for-tests-0123456789'
})
afterAll(() => {
  delete process.env.CRON_SECRET
})

describe('who can see an order', () => {
  it('a shopper sees their own orders and nobody else’s', async () => {
    const owner = await createTestUser()
    const other = await createTestUser()
    const product = await createTestProduct({ stock: 5 })
    const { orderId } = await placeOrder([{ product, quantity: 1 }], { userId: owner.id, email: owner.email })
    expect(await getOrderForUser(owner.id, orderId)).toMatchObject({ id: orderId, status: 'pending', items: [{ productId: product.id, quantity: 1 }] })
    expect(await getOrderForUser(other.id, orderId)).toBeNull()
    // Unpaid, it is an attempt, not yet an order in their history.
    expect(await listOrdersForUser(owner.id)).toEqual([])
    await sql`update orders set payment_state = 'paid', status = 'paid' where id = ${orderId}`
    expect((await listOrdersForUser(owner.id)).map((order) => order.id)).toEqual([orderId])
    expect(await listOrdersForUser(other.id)).toEqual([])
  })

  it('a guest opens the order with its key, found from number and email', async () => {
    const product = await createTestProduct({ stock: 5 })
    const { orderId } = await placeOrder([{ product, quantity: 1 }], { email: 'Guest.Buyer@Example.com' })
    const lookup = await outcomeOf(lookupOrderAction(null, formData({ orderNumber: `#${orderId}`, email: 'guest.buyer@example.com' })))
    expect(lookup).toMatchObject({ kind: 'redirect', url: expect.stringMatching(new RegExp(`^/orders/${orderId}\\?key=`)) })
    const key = decodeURIComponent((lookup.kind === 'redirect' ? lookup.url : '').split('key=')[1] ?? '')
    expect(await getOrderByAccessKey(orderId, key)).toMatchObject({ id: orderId })
    expect(await getOrderByAccessKey(orderId, `${key}x`)).toBeNull()
    expect(await getOrderByAccessKey(orderId + 1, key)).toBeNull()
  })

  it.each([
    [{ orderNumber: '10001', email: 'nobody@example.com' }, 'We found no order'],
    [{ orderNumber: 'abc', email: 'a@example.com' }, 'Please correct'],
    [{ orderNumber: '', email: '' }, 'Please correct'],
  ])('a lookup that matches nothing says so: %j', async (fields, message) => {
    expect(await outcomeOf(lookupOrderAction(null, formData(fields)))).toMatchObject({ kind: 'returned', value: { ok: false, error: expect.stringContaining(message) } })
  })
})

describe('guessing a shopper’s order numbers', () => {
  it('is locked for their email after 10 wrong numbers, whichever addresses the guesses come from', async () => {
    const email = `guessed-${crypto.randomUUID().slice(0, 8)}@example.com`
    const product = await createTestProduct({ stock: 5 })
    const { orderId } = await placeOrder([{ product, quantity: 1 }], { email })
    // 10 wrong numbers, from five addresses (two each): under every address's own limit.
    for (let guess = 1; guess <= 10; guess++) {
      if (guess % 2 === 1) setClientIp()
      const wrong = await outcomeOf(lookupOrderAction(null, formData({ orderNumber: String(orderId + 1_000 + guess), email: email.toUpperCase() })))
      expect(wrong).toMatchObject({ kind: 'returned', value: { ok: false, error: expect.stringContaining('We found no order') } })
    }
    setClientIp()
    expect(await outcomeOf(lookupOrderAction(null, formData({ orderNumber: String(orderId), email })))).toMatchObject({
      kind: 'returned',
      value: { ok: false, error: expect.stringContaining('Too many attempts') },
    })
    // Another shopper's lookup from that address still works.
    const other = await placeOrder([{ product, quantity: 1 }], { email: `other-${crypto.randomUUID().slice(0, 8)}@example.com` })
    const [row] = await sql<{ email: string }[]>`select email from orders where id = ${other.orderId}`
    expect(await outcomeOf(lookupOrderAction(null, formData({ orderNumber: String(other.orderId), email: row?.email ?? '' })))).toMatchObject({ kind: 'redirect' })
  })
})

describe('the sweeper route', () => {
  async function call(authorization?: string) {
    const { GET } = await import('@/app/api/cron/sweep-orders/route')
    return GET(new NextRequest('http://localhost:3000/api/cron/sweep-orders', { headers: authorization ? { authorization } : {} }))
  }

  it('needs the cron secret', async () => {
    expect((await call()).status).toBe(401)
    expect((await call('Bearer wrong-secret-wrong-secret-00')).status).toBe(401)
    const response = await call('Bearer cron-secret-for-tests-0123456789')
    expect(response.status).toBe(200)
    expect(await response.json()).toMatchObject({ checked: expect.any(Number), cancelled: expect.any(Number) })
  })

  it('cancels an expired order when called', async () => {
    const product = await createTestProduct({ stock: 2 })
    const { orderId } = await placeOrder([{ product, quantity: 2 }])
    const { sql } = await import('@/db/client')
    await sql`update orders set expires_at = now() - interval '10 minutes' where id = ${orderId}`
    await call('Bearer cron-secret-for-tests-0123456789')
    expect((await orderRow(orderId)).status).toBe('cancelled')
  })
})
