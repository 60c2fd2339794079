import 'server-only'
import { randomBytes } from 'node:crypto'
import { and, asc, desc, eq, isNull, sql } from 'drizzle-orm'
import { db, type Executor } from '@/db/client'
import { products, wishlistItems, wishlists } from '@/db/schema'
import { getCurrentUser } from '@/lib/auth/session'
import { productCardColumns } from '@/lib/catalog/queries'
import { clearGuestWishlistCookie, readGuestWishlistId, writeGuestWishlistCookie } from './cookie'

/** A list is for keeping, not for scraping the catalogue: beyond this, the shopper removes something first. */
export const MAX_WISHLIST_ITEMS = 200

export type WishlistChange = { ok: true; saved: boolean } | { ok: false; error: string }

async function ensureUserWishlist(tx: Executor, userId: string) {
  await tx.insert(wishlists).values({ userId }).onConflictDoNothing()
  const [list] = await tx.select({ id: wishlists.id }).from(wishlists).where(eq(wishlists.userId, userId))
  if (!list) throw new Error(`wishlist for user ${userId} vanished`)
  return list.id
}

/**
 * The wishlist of whoever is calling: the signed-in shopper's (taking in a leftover guest list),
 * else the guest list named by the signed cookie. With `create` (server actions only, since it may
 * set the cookie) a caller without one gets a new list.
 */
export async function resolveWishlistId(options: { create: boolean }): Promise<string | null> {
  const [user, guestId] = await Promise.all([getCurrentUser(), readGuestWishlistId()])
  if (user) {
    if (guestId) return mergeGuestWishlist(guestId, user.id)
    const [list] = await db.select({ id: wishlists.id }).from(wishlists).where(eq(wishlists.userId, user.id))
    if (list) return list.id
    return options.create ? db.transaction((tx) => ensureUserWishlist(tx, user.id)) : null
  }
  if (guestId) {
    const [list] = await db
      .select({ id: wishlists.id })
      .from(wishlists)
      .where(and(eq(wishlists.id, guestId), isNull(wishlists.userId)))
    if (list) return list.id
  }
  if (!options.create) return null
  const [list] = await db.insert(wishlists).values({}).returning({ id: wishlists.id })
  if (!list) throw new Error('could not create a wishlist')
  await writeGuestWishlistCookie(list.id)
  return list.id
}

/** Saves an active product (saving it again changes nothing). */
export async function addToWishlist(wishlistId: string, productId: number): Promise<WishlistChange> {
  return db.transaction(async (tx) => {
    const [product] = await tx.select({ active: products.active }).from(products).where(eq(products.id, productId))
    if (!product?.active) return { ok: false, error: 'This product is no longer available, so it cannot be saved.' }
    const [{ count } = { count: 0 }] = await tx
      .select({ count: sql<number>`count(*)::int` })
      .from(wishlistItems)
      .where(eq(wishlistItems.wishlistId, wishlistId))
    if (count >= MAX_WISHLIST_ITEMS) return { ok: false, error: `Your wishlist holds up to ${MAX_WISHLIST_ITEMS} items. Remove one to save another.` }
    await tx.insert(wishlistItems).values({ wishlistId, productId }).onConflictDoNothing()
    return { ok: true, saved: true }
  })
}

export async function removeFromWishlist(wishlistId: string, productId: number) {
  await db.delete(wishlistItems).where(and(eq(wishlistItems.wishlistId, wishlistId), eq(wishlistItems.productId, productId)))
}

/** The saved product ids, for the hearts (GET /api/wishlist). */
export async function wishlistProductIds(wishlistId: string | null): Promise<number[]> {
  if (!wishlistId) return []
  const rows = await db.select({ productId: wishlistItems.productId }).from(wishlistItems).where(eq(wishlistItems.wishlistId, wishlistId))
  return rows.map((row) => row.productId)
}

export type WishlistItem = {
  id: number
  slug: string
  name: string
  priceCents: number
  currency: string
  stock: number
  active: boolean
  imageUrl: string | null
  /** Active variants: with more than one, the shopper picks on the product page before buying. */
  choices: number
  addedAt: Date
}

/** The saved products with today's price and stock, newest first; inactive ones stay listed (marked) until removed. */
export async function getWishlistItems(wishlistId: string | null): Promise<WishlistItem[]> {
  if (!wishlistId) return []
  return db
    .select({
      id: products.id,
      slug: products.slug,
      name: products.name,
      priceCents: products.priceCents,
      currency: products.currency,
      stock: products.stock,
      active: products.active,
      imageUrl: productCardColumns.imageUrl,
      choices: sql<number>`(select count(*)::int from product_variants v where v.product_id = ${products.id} and v.active)`,
      addedAt: wishlistItems.addedAt,
    })
    .from(wishlistItems)
    .innerJoin(products, eq(products.id, wishlistItems.productId))
    .where(eq(wishlistItems.wishlistId, wishlistId))
    .orderBy(desc(wishlistItems.addedAt), asc(products.id))
}

/** Moves a guest list's items into the user's list and deletes the guest list. Returns the user's list id. */
export async function mergeGuestWishlist(guestId: string | null, userId: string): Promise<string> {
  return db.transaction(async (tx) => {
    const userListId = await ensureUserWishlist(tx, userId)
    if (!guestId || guestId === userListId) return userListId
    const [guest] = await tx
      .select({ id: wishlists.id })
      .from(wishlists)
      .where(and(eq(wishlists.id, guestId), isNull(wishlists.userId)))
      .for('update')
    if (!guest) return userListId
    // The guest's newest hearts, as many as the account's list still has room for.
    await tx.execute(sql`
      insert into wishlist_items (wishlist_id, product_id, added_at)
      select ${userListId}, g.product_id, g.added_at from wishlist_items g
      where g.wishlist_id = ${guestId} and g.product_id not in (select product_id from wishlist_items where wishlist_id = ${userListId})
      order by g.added_at desc
      limit greatest(0, ${MAX_WISHLIST_ITEMS} - (select count(*) from wishlist_items where wishlist_id = ${userListId}))
      on conflict (wishlist_id, product_id) do nothing`)
    await tx.delete(wishlists).where(eq(wishlists.id, guestId))
    return userListId
  })
}

/** Auth.js's signIn event: the hearts a guest set follow them into their account (beside the cart's merge). */
export async function mergeGuestWishlistAtSignIn(userId: string) {
  const guestId = await readGuestWishlistId()
  if (!guestId) return
  await mergeGuestWishlist(guestId, userId)
  await clearGuestWishlistCookie()
}

export type WishlistSharing = { displayName: string; isPublic: boolean; shareToken: string | null }

export async function getWishlistSharing(userId: string): Promise<WishlistSharing> {
  const [list] = await db.select({ displayName: wishlists.displayName, isPublic: wishlists.isPublic, shareToken: wishlists.shareToken }).from(wishlists).where(eq(wishlists.userId, userId))
  return { displayName: list?.displayName ?? '', isPublic: list?.isPublic ?? false, shareToken: list?.shareToken ?? null }
}

/** Makes the list public under a display name (a random link is made the first time), or private again. */
export async function updateWishlistSharing(userId: string, input: { displayName: string; isPublic: boolean }): Promise<WishlistSharing> {
  return db.transaction(async (tx) => {
    const id = await ensureUserWishlist(tx, userId)
    const [row] = await tx
      .update(wishlists)
      .set({
        displayName: input.displayName || null,
        isPublic: input.isPublic,
        shareToken: sql`coalesce(${wishlists.shareToken}, ${randomBytes(18).toString('base64url')})`,
      })
      .where(eq(wishlists.id, id))
      .returning({ displayName: wishlists.displayName, isPublic: wishlists.isPublic, shareToken: wishlists.shareToken })
    if (!row) throw new Error(`wishlist ${id} vanished`)
    return { displayName: row.displayName ?? '', isPublic: row.isPublic, shareToken: row.shareToken }
  })
}

const SHARE_TOKEN = /^[\w-]{16,64}$/

/** A public list by its link: the display name and the active products, nothing else about its owner. */
export async function getPublicWishlist(token: string) {
  if (!SHARE_TOKEN.test(token)) return null
  const [list] = await db
    .select({ id: wishlists.id, displayName: wishlists.displayName })
    .from(wishlists)
    .where(and(eq(wishlists.shareToken, token), eq(wishlists.isPublic, true)))
  if (!list) return null
  const items = (await getWishlistItems(list.id)).filter((item) => item.active)
  return { displayName: list.displayName ?? '', items }
}
