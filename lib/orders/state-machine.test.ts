import { describe, expect, it } from 'vitest'
import { db } from '@/db/client'
import { createTestProduct, orderEventsOf, orderRow, placeOrder, stockOf } from '@/lib/testing/commerce'
import { transitionOrder } from './state-machine'
import { canTransition, type OrderStatus, orderTransitions } from './status'

const statuses = Object.keys(orderTransitions) as OrderStatus[]

// The lifecycle as the product defines it, written out independently of the table under test.
const legal = new Set([
  'pending>paid',
  'pending>cancelled',
  'paid>shipped',
  'shipped>delivered',
  'paid>partially_refunded',
  'paid>refunded',
  'shipped>partially_refunded',
  'shipped>refunded',
  'delivered>partially_refunded',
  'delivered>refunded',
  'partially_refunded>partially_refunded',
  'partially_refunded>refunded',
])

describe('order transitions', () => {
  it.each(statuses.flatMap((from) => statuses.map((to) => ({ from, to }))))('$from → $to', ({ from, to }) => {
    expect(canTransition(from, to)).toBe(legal.has(`${from}>${to}`))
  })
})

describe('transitionOrder', () => {
  it('walks the happy path, writing one timeline event per step', async () => {
    const product = await createTestProduct({ stock: 5 })
    const { orderId } = await placeOrder([{ product, quantity: 1 }])
    for (const to of ['paid', 'shipped', 'delivered', 'partially_refunded', 'refunded'] as const) {
      const result = await db.transaction((tx) => transitionOrder(tx, { orderId, to, actor: 'admin', note: `to ${to}` }))
      expect(result).toMatchObject({ ok: true, to })
      expect((await orderRow(orderId)).status).toBe(to)
    }
    const events = await orderEventsOf(orderId)
    expect(events.map((event) => `${event.from_status ?? ''}>${event.to_status}`)).toEqual([
      '>pending',
      'pending>paid',
      'paid>shipped',
      'shipped>delivered',
      'delivered>partially_refunded',
      'partially_refunded>refunded',
    ])
  })

  it('refuses an illegal transition and changes nothing', async () => {
    const product = await createTestProduct({ stock: 5 })
    const { orderId } = await placeOrder([{ product, quantity: 2 }])
    const before = await orderEventsOf(orderId)
    for (const to of ['shipped', 'delivered', 'refunded', 'partially_refunded', 'pending'] as const) {
      const result = await db.transaction((tx) => transitionOrder(tx, { orderId, to, actor: 'admin' }))
      expect(result).toMatchObject({ ok: false, from: 'pending', error: expect.stringContaining('cannot be marked') })
    }
    expect((await orderRow(orderId)).status).toBe('pending')
    expect(await orderEventsOf(orderId)).toEqual(before)
    expect(await stockOf(product.id)).toBe(3)
  })

  it('a cancellation returns the reserved stock exactly once', async () => {
    const product = await createTestProduct({ stock: 4 })
    const { orderId } = await placeOrder([{ product, quantity: 3 }])
    expect(await stockOf(product.id)).toBe(1)
    await db.transaction((tx) => transitionOrder(tx, { orderId, to: 'cancelled', actor: 'system' }))
    expect(await stockOf(product.id)).toBe(4)
    const again = await db.transaction((tx) => transitionOrder(tx, { orderId, to: 'cancelled', actor: 'system' }))
    expect(again.ok).toBe(false)
    expect(await stockOf(product.id)).toBe(4)
  })

  it('an unknown order is refused', async () => {
    expect(await db.transaction((tx) => transitionOrder(tx, { orderId: 2_000_000_000, to: 'paid', actor: 'system' }))).toMatchObject({ ok: false, from: null })
  })
})
