import { beforeEach, describe, expect, it } from 'vitest'
import { sql } from '@/db/client'
import { getCart } from '@/lib/cart/cart'
import { createTestUser, expectRedirect, formData, signInAs } from '@/lib/testing/auth'
import { changeTestVariant, createTestProduct, createTestProductWithVariants } from '@/lib/testing/commerce'
import { request } from '@/lib/testing/next-headers-mock'
import { moveWishlistItemToCartAction, removeWishlistItemAction, toggleWishlistAction, updateWishlistSharingAction } from './actions'
import { wishlistToken } from './cookie'
import { getPublicWishlist, getWishlistItems, getWishlistSharing, MAX_WISHLIST_ITEMS, mergeGuestWishlistAtSignIn, resolveWishlistId, wishlistProductIds } from './wishlist'

beforeEach(() => {
  request.cookies.clear()
  signInAs(null)
})

const save = (productId: number | string, intent?: 'add' | 'remove') => toggleWishlistAction(null, formData({ productId: String(productId), ...(intent ? { intent } : {}) }))
const savedIds = async () => (await wishlistProductIds(await resolveWishlistId({ create: false }))).sort((a, b) => a - b)

describe('guest wishlist', () => {
  it('saves products behind a signed cookie, once each, and removes them', async () => {
    const [lamp, mug] = [await createTestProduct({ stock: 3 }), await createTestProduct({ stock: 0 })]
    expect(await save(lamp.id)).toMatchObject({ ok: true, saved: true })
    expect(await save(mug.id)).toMatchObject({ ok: true, saved: true })
    expect(await save(lamp.id)).toMatchObject({ ok: true, saved: true })
    expect(request.cookies.get('wishlist')).toMatch(/^[0-9a-f-]{36}\.[\w-]+$/)
    expect(await savedIds()).toEqual([lamp.id, mug.id].sort((a, b) => a - b))
    expect(await save(lamp.id, 'remove')).toMatchObject({ ok: true, saved: false })
    expect(await savedIds()).toEqual([mug.id])
  })

  it('refuses an inactive or unknown product and saves nothing', async () => {
    const retired = await createTestProduct({ stock: 5, active: false })
    expect(await save(retired.id)).toEqual({ ok: false, error: 'This product is no longer available, so it cannot be saved.' })
    expect(await save(2_000_000_000)).toMatchObject({ ok: false, error: expect.stringContaining('no longer available') })
    expect(await save('abc')).toMatchObject({ ok: false, fieldErrors: { productId: ['Choose a product.'] } })
    expect(await savedIds()).toEqual([])
  })

  it('a forged cookie reads as no list', async () => {
    const product = await createTestProduct({ stock: 3 })
    await save(product.id)
    const victim = (request.cookies.get('wishlist') ?? '').split('.')[0] ?? ''
    request.cookies.set('wishlist', `${victim}.forged`)
    expect(await savedIds()).toEqual([])
    request.cookies.set('wishlist', wishlistToken(victim))
    expect(await savedIds()).toEqual([product.id])
  })
})

describe('wishlist at sign-in', () => {
  it('a guest’s saved items join the account’s list, without duplicates, and the guest list is gone', async () => {
    const user = await createTestUser()
    const [a, b, c] = [await createTestProduct({ stock: 1 }), await createTestProduct({ stock: 1 }), await createTestProduct({ stock: 1 })]
    signInAs(user)
    await save(a.id)
    signInAs(null)
    request.cookies.clear()
    await save(a.id)
    await save(b.id)
    await save(c.id)
    const guestId = (request.cookies.get('wishlist') ?? '').split('.')[0]
    signInAs(user)
    await mergeGuestWishlistAtSignIn(user.id)
    expect(request.cookies.has('wishlist')).toBe(false)
    expect(await savedIds()).toEqual([a.id, b.id, c.id].sort((x, y) => x - y))
    expect(await sql`select 1 from wishlists where id = ${guestId ?? ''}`).toHaveLength(0)
  })

  it('a guest’s hearts fill a nearly full account list only up to its 200 items, newest first', async () => {
    const user = await createTestUser()
    const guestProducts = [await createTestProduct({ stock: 1 }), await createTestProduct({ stock: 1 }), await createTestProduct({ stock: 1 })]
    const [, middle, newest] = guestProducts
    const fill = await sql<{ id: number }[]>`select id from products where active and id <> all(${guestProducts.map((product) => product.id)}) order by id limit ${MAX_WISHLIST_ITEMS - 2}`
    expect(fill).toHaveLength(MAX_WISHLIST_ITEMS - 2)
    signInAs(user)
    await save(fill[0]?.id ?? 0)
    await sql`insert into wishlist_items (wishlist_id, product_id) select w.id, p.id from wishlists w, unnest(${fill.slice(1).map((row) => row.id)}::int[]) as p(id) where w.user_id = ${user.id}`
    signInAs(null)
    request.cookies.clear()
    for (const product of guestProducts) expect(await save(product.id)).toMatchObject({ ok: true })
    signInAs(user)
    await mergeGuestWishlistAtSignIn(user.id)
    const ids = await savedIds()
    expect(ids).toHaveLength(MAX_WISHLIST_ITEMS)
    expect(ids).toEqual(expect.arrayContaining([middle?.id, newest?.id]))
  })
})

describe('the account wishlist', () => {
  it('moves an item to the cart (leaving the list) and refuses a sold-out one', async () => {
    const user = await createTestUser()
    signInAs(user)
    const [lamp, gone] = [await createTestProduct({ stock: 4, priceCents: 2_500 }), await createTestProduct({ stock: 2 })]
    await save(lamp.id)
    await save(gone.id)
    await changeTestVariant(gone.variantId, { stock: 0 })
    expect(await moveWishlistItemToCartAction(null, formData({ productId: String(lamp.id) }))).toMatchObject({ ok: true })
    expect(await moveWishlistItemToCartAction(null, formData({ productId: String(gone.id) }))).toMatchObject({ ok: false, error: expect.stringContaining('sold out') })
    expect((await getCart()).lines).toMatchObject([{ productId: lamp.id, quantity: 1, unitPriceCents: 2_500 }])
    expect(await savedIds()).toEqual([gone.id])
    const items = await getWishlistItems(await resolveWishlistId({ create: false }))
    expect(items).toMatchObject([{ id: gone.id, stock: 0, active: true }])
    await removeWishlistItemAction(null, formData({ productId: String(gone.id) }))
    expect(await savedIds()).toEqual([])
  })

  it('a product with several options is not moved: the shopper is sent to choose on its page', async () => {
    const user = await createTestUser()
    signInAs(user)
    const shoe = await createTestProductWithVariants({
      options: [{ name: 'Size', values: ['41', '42'] }],
      variants: [
        { values: ['41'], priceCents: 5_000, stock: 2 },
        { values: ['42'], priceCents: 5_000, stock: 2 },
      ],
    })
    await save(shoe.id)
    expect(await expectRedirect(moveWishlistItemToCartAction(null, formData({ productId: String(shoe.id) })))).toBe(`/products/${shoe.slug}`)
    expect((await getCart()).lines).toEqual([])
    expect(await savedIds()).toEqual([shoe.id])
    expect(await getWishlistItems(await resolveWishlistId({ create: false }))).toMatchObject([{ id: shoe.id, choices: 2 }])
  })

  it('is shared read-only under a chosen name, and only while public', async () => {
    const user = await createTestUser({ name: 'Private Person' })
    signInAs(user)
    const [shown, retired] = [await createTestProduct({ stock: 2 }), await createTestProduct({ stock: 2 })]
    await save(shown.id)
    await save(retired.id)
    await sql`update products set active = false where id = ${retired.id}`
    expect(await updateWishlistSharingAction(null, formData({ displayName: '  ', isPublic: 'on' }))).toMatchObject({ ok: false, fieldErrors: { displayName: [expect.any(String)] } })
    expect((await getWishlistSharing(user.id)).isPublic).toBe(false)
    expect(await updateWishlistSharingAction(null, formData({ displayName: 'Robin', isPublic: 'on' }))).toMatchObject({ ok: true })
    const { shareToken } = await getWishlistSharing(user.id)
    expect(shareToken).toMatch(/^[\w-]{24}$/)
    const page = await getPublicWishlist(shareToken ?? '')
    expect(page).toEqual({ displayName: 'Robin', items: [expect.objectContaining({ id: shown.id })] })
    expect(JSON.stringify(page)).not.toContain(user.email)
    expect(JSON.stringify(page)).not.toContain('Private Person')
    await updateWishlistSharingAction(null, formData({ displayName: 'Robin' }))
    expect(await getPublicWishlist(shareToken ?? '')).toBeNull()
    expect(await getPublicWishlist('not-a-real-token-at-all')).toBeNull()
  })
})
