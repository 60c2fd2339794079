import { describe, expect, it } from 'vitest'
import { sql } from '@/db/client'
import { orderConfirmationMail } from '@/lib/mail/templates'
import { orderTotalsView } from '@/lib/pricing/totals-view'
import { formData, outcomeOf, signInAs } from '@/lib/testing/auth'
import { createCartWith, createTestProduct } from '@/lib/testing/commerce'
import { checkoutAction } from './actions'
import { startCheckout } from './checkout'
import { getOrderDetail } from './queries'
import { checkoutSchema } from './validation'

const noteOf = async (orderId: number) => (await sql<{ customer_note: string | null }[]>`select customer_note from orders where id = ${orderId}`)[0]?.customer_note

describe('a note for the shop at checkout', () => {
  it('is kept on the order and shown in the confirmation; a retry with another note keeps the order and takes the new note', async () => {
    const lamp = await createTestProduct({ stock: 5, priceCents: 2_500 })
    const cartId = await createCartWith([{ product: lamp, quantity: 1 }])
    const first = await startCheckout({ cartId, userId: null, email: 'note@example.com', note: 'Please leave it with the neighbour at no. 12.' })
    if (!first.ok) throw new Error(first.error)
    expect(await noteOf(first.orderId)).toBe('Please leave it with the neighbour at no. 12.')

    const again = await startCheckout({ cartId, userId: null, email: 'note@example.com', note: 'A gift: no prices inside, please.' })
    expect(again).toMatchObject({ ok: true, orderId: first.orderId })
    expect(await noteOf(first.orderId)).toBe('A gift: no prices inside, please.')

    const order = await getOrderDetail(first.orderId)
    if (!order) throw new Error('order not found')
    const mail = orderConfirmationMail({ number: '#1', url: 'http://shop.test/orders/1', currency: 'USD', items: [], totals: orderTotalsView(order), note: order.customerNote })
    expect(mail.text).toContain('Your note: A gift: no prices inside, please.')
  })

  it('is optional, trimmed, and refused beside its field over 500 characters, before any order is written', async () => {
    signInAs(null)
    const long = await outcomeOf(checkoutAction(null, formData({ email: 'note-long@example.com', note: 'x'.repeat(501) })))
    expect(long).toMatchObject({ kind: 'returned', value: { ok: false, fieldErrors: { note: ['Keep the note under 500 characters.'] } } })
    expect(await sql`select 1 from orders where email = 'note-long@example.com'`).toHaveLength(0)

    expect(checkoutSchema.parse({ email: 'a@example.com', note: '  Ring twice.\n ' }).note).toBe('Ring twice.')
    expect(checkoutSchema.parse({ email: 'a@example.com', note: '   ' }).note).toBeNull()
    expect(checkoutSchema.parse({ email: 'a@example.com' }).note).toBeNull()

    const mug = await createTestProduct({ stock: 5, priceCents: 900 })
    const blank = await startCheckout({ cartId: await createCartWith([{ product: mug, quantity: 1 }]), userId: null, email: 'note-blank@example.com', note: null })
    if (!blank.ok) throw new Error(blank.error)
    expect(await noteOf(blank.orderId)).toBeNull()
  })
})
