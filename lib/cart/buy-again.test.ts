import { beforeEach, describe, expect, it } from 'vitest'
import { sql } from '@/db/client'
import { createTestUser, formData, outcomeOf, signInAs } from '@/lib/testing/auth'
import { changeTestVariant, createTestProduct, orderRow, placeOrder } from '@/lib/testing/commerce'
import { completeDemoCheckout } from '@/lib/payments/demo'
import { request } from '@/lib/testing/next-headers-mock'
import { buyAgainAction } from './actions'

beforeEach(() => {
  request.cookies.clear()
  signInAs(null)
})

const buyAgain = (fields: Record<string, string>) => outcomeOf(buyAgainAction(null, formData(fields)))

/** A signed-in shopper's paid order of 2 lamps ($10), 3 mugs ($20) and a kettle ($5), their cart emptied by the payment. */
async function earlierOrder() {
  const user = await createTestUser()
  const [lamp, mug, kettle] = await Promise.all([
    createTestProduct({ stock: 10, priceCents: 1_000 }),
    createTestProduct({ stock: 10, priceCents: 2_000 }),
    createTestProduct({ stock: 10, priceCents: 500 }),
  ])
  if (!lamp || !mug || !kettle) throw new Error('fixtures not written')
  const { orderId, cartId } = await placeOrder(
    [
      { product: lamp, quantity: 2 },
      { product: mug, quantity: 3 },
      { product: kettle, quantity: 1 },
    ],
    { userId: user.id },
  )
  const shipping = { fullName: 'Ada Buyer', line1: '1 Lane', line2: '', city: 'Portland', region: 'OR', postalCode: '97201', country: 'US', phone: '' }
  await completeDemoCheckout((await orderRow(orderId)).checkout_session_id ?? '', { email: user.email, shipping })
  expect(await sql`select 1 from cart_items where cart_id = ${cartId}`).toHaveLength(0)
  const [order] = await sql<{ access_key: string }[]>`select access_key from orders where id = ${orderId}`
  return { user, lamp, mug, kettle, orderId, cartId, accessKey: order?.access_key ?? '' }
}

const cartLines = (cartId: string) =>
  sql<{ variant_id: number; quantity: number; seen_price_cents: number }[]>`select variant_id, quantity, seen_price_cents from cart_items where cart_id = ${cartId} order by variant_id`

describe('buy again', () => {
  it('puts the order back in the shopper’s cart at today’s prices, within today’s stock, naming what is gone', async () => {
    const { user, lamp, mug, kettle, orderId, cartId } = await earlierOrder()
    await changeTestVariant(lamp.variantId, { priceCents: 1_200 })
    await changeTestVariant(mug.variantId, { stock: 1 })
    await changeTestVariant(kettle.variantId, { active: false })
    signInAs(user)

    expect(await buyAgain({ orderId: String(orderId) })).toEqual({
      kind: 'returned',
      value: {
        ok: true,
        count: 3,
        message: `Added 2 of the 3 items of order #${orderId} to your cart. Fewer than you ordered of ${mug.name}: all we have in stock. No longer available: ${kettle.name}.`,
      },
    })
    // The fixtures are written concurrently, so which variant has the lower id varies.
    expect(await cartLines(cartId)).toEqual(
      [
        { variant_id: lamp.variantId, quantity: 2, seen_price_cents: 1_200 },
        { variant_id: mug.variantId, quantity: 1, seen_price_cents: 2_000 },
      ].toSorted((a, b) => a.variant_id - b.variant_id),
    )
  })

  it('says so when nothing can be bought, and when everything was added', async () => {
    const { user, lamp, mug, kettle, orderId } = await earlierOrder()
    signInAs(user)
    expect(await buyAgain({ orderId: String(orderId) })).toMatchObject({ kind: 'returned', value: { ok: true, message: `Everything from order #${orderId} is in your cart.` } })
    for (const product of [lamp, mug, kettle]) await changeTestVariant(product.variantId, { stock: 0 })
    // Named in the order's own order of lines.
    const names = (await sql<{ name: string }[]>`select name from order_items where order_id = ${orderId} order by id`).map((item) => item.name)
    expect(names.toSorted()).toEqual([lamp.name, mug.name, kettle.name].toSorted())
    expect(await buyAgain({ orderId: String(orderId) })).toMatchObject({
      kind: 'returned',
      value: { ok: false, error: `Nothing from order #${orderId} can be bought now. No longer available: ${names.join(', ')}.` },
    })
  })

  it('is the owner’s, or a guest’s with the order link’s key; anyone else’s order is not found and no cart changes', async () => {
    const { orderId, accessKey } = await earlierOrder()
    const notFound = { kind: 'returned', value: { ok: false, error: 'We could not find that order. Open it from your account or from the link in its email.' } }
    signInAs(await createTestUser())
    expect(await buyAgain({ orderId: String(orderId) })).toEqual(notFound)
    signInAs(null)
    expect(await buyAgain({ orderId: String(orderId) })).toEqual(notFound)
    expect(await buyAgain({ orderId: String(orderId), key: 'not-the-key' })).toEqual(notFound)
    expect(await buyAgain({ orderId: 'abc' })).toMatchObject({ kind: 'returned', value: { ok: false } })
    expect(request.cookies.size).toBe(0)

    expect(await buyAgain({ orderId: String(orderId), key: accessKey })).toMatchObject({ kind: 'returned', value: { ok: true, count: 6 } })
  })
})
