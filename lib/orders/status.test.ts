import { describe, expect, it } from 'vitest'
import { isPaid, orderTransitions, refundableAmount } from './status'

describe('order status rules', () => {
  it('counts paid, shipped, delivered and partly refunded orders as paid, nothing else', () => {
    const paid = Object.keys(orderTransitions).filter((status) => isPaid(status as keyof typeof orderTransitions))
    expect(paid.sort()).toEqual(['delivered', 'paid', 'partially_refunded', 'shipped'])
  })

  it('refunds at most what was paid less refunds that succeeded or are in progress, and nothing on an unpaid order', () => {
    expect(refundableAmount({ status: 'paid', paymentState: 'paid', totalCents: 5_000 }, 0)).toBe(5_000)
    expect(refundableAmount({ status: 'partially_refunded', paymentState: 'paid', totalCents: 5_000 }, 1_250)).toBe(3_750)
    expect(refundableAmount({ status: 'delivered', paymentState: 'paid', totalCents: 5_000 }, 6_000)).toBe(0)
    expect(refundableAmount({ status: 'pending', paymentState: 'unpaid', totalCents: 5_000 }, 0)).toBe(0)
    expect(refundableAmount({ status: 'refunded', paymentState: 'paid', totalCents: 5_000 }, 5_000)).toBe(0)
    expect(refundableAmount({ status: 'cancelled', paymentState: 'unpaid', totalCents: 5_000 }, 0)).toBe(0)
    // Paid after it was cancelled: the money came in and can go back.
    expect(refundableAmount({ status: 'cancelled', paymentState: 'paid', totalCents: 5_000 }, 1_000)).toBe(4_000)
  })
})
