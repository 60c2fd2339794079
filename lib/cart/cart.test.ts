import { beforeEach, describe, expect, it } from 'vitest'
import { sql } from '@/db/client'
import { createTestUser, formData, signInAs } from '@/lib/testing/auth'
import { changeTestVariant, createCartWith, createTestProduct, createTestProductWithVariants, variantStockOf } from '@/lib/testing/commerce'
import { startCheckout } from '@/lib/orders/checkout'
import { request } from '@/lib/testing/next-headers-mock'
import { addToCartAction, removeCartItemAction, updateCartQuantityAction } from './actions'
import { addToCart, getCart, loadCart, setCartQuantity } from './cart'
import { cartToken } from './cookie'
import { mergeGuestCart } from './merge'

beforeEach(() => {
  request.cookies.clear()
  signInAs(null)
})

const add = (productId: number | string, quantity: number | string = 1) => addToCartAction(null, formData({ productId: String(productId), quantity: String(quantity) }))

describe('guest cart', () => {
  it('the first add creates a cart behind a signed cookie; totals come from the database', async () => {
    const product = await createTestProduct({ stock: 5, priceCents: 1_500 })
    expect(await add(product.id, 2)).toMatchObject({ ok: true, count: 2 })
    const token = request.cookies.get('cart') ?? ''
    expect(token).toMatch(/^[0-9a-f-]{36}\.[\w-]+$/)
    const cart = await getCart()
    expect(cart.lines).toMatchObject([{ productId: product.id, quantity: 2, unitPriceCents: 1_500, issue: null }])
    expect(cart).toMatchObject({ itemCount: 2, pricing: { subtotalCents: 3_000, shippingCents: 495, totalCents: 3_495 } })
  })

  it('caps quantities at the stock and says so', async () => {
    const product = await createTestProduct({ stock: 3 })
    await add(product.id, 2)
    expect(await add(product.id, 5)).toMatchObject({ ok: true, count: 3, message: expect.stringContaining('all we have') })
    expect(await updateCartQuantityAction(null, formData({ variantId: String(product.variantId), quantity: '50' }))).toMatchObject({ ok: true, message: expect.stringContaining('Only 3') })
    expect((await getCart()).lines[0]?.quantity).toBe(3)
  })

  it.each(['0', '-1', '1e9', 'abc', '2.5', ''])('refuses quantity %j and leaves the cart as it was', async (quantity) => {
    const product = await createTestProduct({ stock: 5 })
    await add(product.id, 1)
    const before = await getCart()
    expect(await add(product.id, quantity)).toMatchObject({ ok: false, fieldErrors: { quantity: [expect.any(String)] } })
    expect(await updateCartQuantityAction(null, formData({ variantId: String(product.variantId), quantity: quantity === '0' ? '-1' : quantity }))).toMatchObject({ ok: false })
    expect(await getCart()).toEqual(before)
  })

  it('refuses unknown, inactive and sold-out products', async () => {
    const inactive = await createTestProduct({ stock: 5, active: false })
    const soldOut = await createTestProduct({ stock: 0 })
    expect(await add(2_000_000_000)).toMatchObject({ ok: false, error: 'This product is no longer available.' })
    expect(await add(inactive.id)).toMatchObject({ ok: false, error: 'This product is no longer available.' })
    expect(await add(soldOut.id)).toMatchObject({ ok: false, error: expect.stringContaining('sold out') })
    expect(await add('abc')).toMatchObject({ ok: false, fieldErrors: { productId: ['Choose a product.'] } })
    expect((await getCart()).lines).toEqual([])
  })

  it('flags lines whose product went inactive, sold out or changed price instead of dropping them', async () => {
    const retired = await createTestProduct({ stock: 5 })
    const emptied = await createTestProduct({ stock: 5 })
    const repriced = await createTestProduct({ stock: 5, priceCents: 1_000 })
    for (const product of [retired, emptied, repriced]) await add(product.id)
    await sql`update products set active = false where id = ${retired.id}`
    await changeTestVariant(emptied.variantId, { stock: 0 })
    await changeTestVariant(repriced.variantId, { priceCents: 1_100 })
    const cart = await getCart()
    expect(cart.lines.map((line) => line.issue)).toEqual(['inactive', 'out_of_stock', 'price_changed'])
    // Unbuyable lines do not count toward the total; the changed price does, at its new value.
    expect(cart.pricing.subtotalCents).toBe(1_100)
  })

  it('a forged or someone else’s cart cookie reads as no cart', async () => {
    const product = await createTestProduct({ stock: 5 })
    const victimCart = await createCartWith([{ product, quantity: 2 }])
    request.cookies.set('cart', `${victimCart}.forged-signature`)
    expect((await getCart()).lines).toEqual([])
    await removeCartItemAction(null, formData({ variantId: String(product.variantId) }))
    expect(await sql`select quantity from cart_items where cart_id = ${victimCart}`).toEqual([{ quantity: 2 }])
    // With a valid signature the same cookie works: the signature is what guards it.
    request.cookies.set('cart', cartToken(victimCart))
    expect((await getCart()).lines).toHaveLength(1)
  })
})

describe('variants in the cart', () => {
  const tee = () =>
    createTestProductWithVariants({
      options: [
        { name: 'Size', values: ['S', 'M', 'L'] },
        { name: 'Colour', values: ['Navy', 'Sand'] },
      ],
      variants: [
        { values: ['S', 'Navy'], priceCents: 2_400, stock: 5 },
        { values: ['M', 'Navy'], priceCents: 2_400, stock: 2 },
        { values: ['L', 'Navy'], priceCents: 2_600, stock: 0 },
        { values: ['M', 'Sand'], priceCents: 2_400, stock: 5, active: false },
      ],
    })
  const addVariant = (productId: number | string, variantId: number | string, quantity: number | string = 1) =>
    addToCartAction(null, formData({ productId: String(productId), variantId: String(variantId), quantity: String(quantity) }))

  it('two variants of one product are two lines, each priced and capped by its own stock, named by their options', async () => {
    const product = await tee()
    const [small, medium] = product.variants
    if (!small || !medium) throw new Error('fixture variants missing')
    expect(await addVariant(product.id, small.id, 2)).toMatchObject({ ok: true, count: 2 })
    expect(await addVariant(product.id, medium.id, 5)).toMatchObject({ ok: true, count: 4, message: expect.stringContaining('all we have') })
    const cart = await getCart()
    expect(cart.lines).toMatchObject([
      { productId: product.id, variantId: small.id, variantTitle: 'S / Navy', sku: small.sku, quantity: 2, unitPriceCents: 2_400, stock: 5, issue: null },
      { productId: product.id, variantId: medium.id, variantTitle: 'M / Navy', sku: medium.sku, quantity: 2, unitPriceCents: 2_400, stock: 2, issue: null },
    ])
    expect(cart.pricing.subtotalCents).toBe(4 * 2_400)
    // Changing one line leaves the other alone.
    expect(await updateCartQuantityAction(null, formData({ variantId: String(small.id), quantity: '1' }))).toMatchObject({ ok: true })
    await removeCartItemAction(null, formData({ variantId: String(medium.id) }))
    expect((await getCart()).lines).toMatchObject([{ variantId: small.id, quantity: 1 }])
  })

  it('refuses a variant of another product, an unknown, archived or sold-out variant, and a product with options but no choice, changing nothing', async () => {
    const product = await tee()
    const other = await createTestProduct({ stock: 5 })
    const [, , large, sand] = product.variants
    if (!large || !sand) throw new Error('fixture variants missing')
    expect(await addVariant(product.id, other.variantId)).toMatchObject({ ok: false, error: expect.stringContaining('not sold for'), fieldErrors: { variantId: [expect.any(String)] } })
    expect(await addVariant(other.id, sand.id)).toMatchObject({ ok: false, error: expect.stringContaining('not sold for') })
    expect(await addVariant(product.id, 2_000_000_000)).toMatchObject({ ok: false, error: expect.stringContaining('not sold for') })
    expect(await addVariant(product.id, sand.id)).toMatchObject({ ok: false, error: `${product.name} — M / Sand is no longer available.` })
    expect(await addVariant(product.id, large.id)).toMatchObject({ ok: false, error: `${product.name} — L / Navy is sold out.` })
    expect(await add(product.id)).toMatchObject({ ok: false, error: 'Choose a size and colour first.', fieldErrors: { variantId: ['Choose a size and colour first.'] } })
    expect(await addVariant(product.id, 'abc')).toMatchObject({ ok: false, fieldErrors: { variantId: ['Choose an option.'] } })
    expect((await getCart()).lines).toEqual([])
  })
})

describe('a cart whose own checkout holds its units', () => {
  it('lowering 3 to 2 while the payment page holds all three keeps 2', async () => {
    const lastThree = await createTestProduct({ stock: 3, priceCents: 1_000 })
    const cartId = await createCartWith([{ product: lastThree, quantity: 3 }])
    expect((await startCheckout({ cartId, userId: null, email: 'holder@example.com' })).ok).toBe(true)
    expect(await variantStockOf(lastThree.variantId)).toBe(0)
    expect(await setCartQuantity(cartId, lastThree.variantId, 2)).toMatchObject({ ok: true, quantity: 2, capped: false })
    // Adding one back is allowed too: the three held units are this cart's.
    expect(await addToCart(cartId, { productId: lastThree.id }, 1)).toMatchObject({ ok: true, quantity: 3, capped: false })
    expect(await addToCart(cartId, { productId: lastThree.id }, 1)).toMatchObject({ ok: true, quantity: 3, capped: true })
  })
})

describe('a cart that survives login', () => {
  it('merges the guest cart into the account cart, adding quantities capped by stock', async () => {
    const user = await createTestUser()
    const shared = await createTestProduct({ stock: 4 })
    const guestOnly = await createTestProduct({ stock: 9 })
    const accountOnly = await createTestProduct({ stock: 9 })
    await createCartWith(
      [
        { product: shared, quantity: 3 },
        { product: accountOnly, quantity: 1 },
      ],
      user.id,
    )
    const guestCart = await createCartWith([
      { product: shared, quantity: 3 },
      { product: guestOnly, quantity: 2 },
    ])
    const userCart = await mergeGuestCart(guestCart, user.id)
    const lines = await sql<{ product_id: number; quantity: number }[]>`select product_id, quantity from cart_items where cart_id = ${userCart} order by product_id`
    expect(lines).toEqual(
      [
        { product_id: shared.id, quantity: 4 },
        { product_id: guestOnly.id, quantity: 2 },
        { product_id: accountOnly.id, quantity: 1 },
      ].sort((a, b) => a.product_id - b.product_id),
    )
    expect(await sql`select 1 from carts where id = ${guestCart}`).toHaveLength(0)
  })

  it('a guest who went to pay and then signed in can still buy what their checkout holds, from the merged cart', async () => {
    const user = await createTestUser()
    const lastThree = await createTestProduct({ stock: 3, priceCents: 2_000 })
    const guestCart = await createCartWith([{ product: lastThree, quantity: 3 }])
    // On the payment page the three units are reserved for this guest: none left on the shelf.
    const attempt = await startCheckout({ cartId: guestCart, userId: null, email: user.email })
    if (!attempt.ok) throw new Error(attempt.error)
    expect(await variantStockOf(lastThree.variantId)).toBe(0)
    const userCart = await mergeGuestCart(guestCart, user.id)
    const cart = await loadCart(userCart, undefined, { customerEmail: user.email })
    expect(cart.lines).toMatchObject([{ productId: lastThree.id, quantity: 3, issue: null }])
    // Checking out again goes on with the same hold, now the account's order.
    const again = await startCheckout({ cartId: userCart, userId: user.id, email: user.email })
    expect(again).toMatchObject({ ok: true, orderId: attempt.orderId })
    expect(await sql`select user_id, status from orders where id = ${attempt.orderId}`).toEqual([{ user_id: user.id, status: 'pending' }])
    expect(await variantStockOf(lastThree.variantId)).toBe(0)
  })

  it('a signed-in shopper still carrying a guest cookie gets it merged on the next read', async () => {
    const user = await createTestUser()
    const product = await createTestProduct({ stock: 5 })
    await add(product.id, 2)
    signInAs(user)
    const cart = await getCart()
    expect(cart.lines).toMatchObject([{ productId: product.id, quantity: 2 }])
    expect(await sql`select 1 from carts where user_id = ${user.id}`).toHaveLength(1)
  })
})
