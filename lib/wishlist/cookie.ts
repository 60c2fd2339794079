import 'server-only'
import { createHmac, timingSafeEqual } from 'node:crypto'
import { cookies, headers } from 'next/headers'
import { cartCookieIsSecure } from '@/lib/cart/cookie'
import { authSecret, env, siteUrl } from '@/lib/env'

const WISHLIST_COOKIE = 'wishlist'
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/

function signature(wishlistId: string) {
  return createHmac('sha256', authSecret ?? 'no-secret')
    .update(`wishlist:${wishlistId}`)
    .digest('base64url')
}

export function wishlistToken(wishlistId: string) {
  return `${wishlistId}.${signature(wishlistId)}`
}

/** The guest wishlist id in a cookie value, or null when it is missing, malformed or not signed by us. */
export function wishlistIdFromToken(token: string | undefined): string | null {
  const [id, mac] = token?.split('.') ?? []
  if (!id || !mac || !UUID.test(id)) return null
  const expected = Buffer.from(signature(id))
  const given = Buffer.from(mac)
  return expected.length === given.length && timingSafeEqual(expected, given) ? id : null
}

export async function readGuestWishlistId() {
  return wishlistIdFromToken((await cookies()).get(WISHLIST_COOKIE)?.value)
}

/** Only server actions and route handlers may set cookies. Same rules as the cart's cookie. */
export async function writeGuestWishlistCookie(wishlistId: string) {
  const secure = cartCookieIsSecure({ forwardedProto: (await headers()).get('x-forwarded-proto'), siteUrl, production: env.NODE_ENV === 'production' })
  ;(await cookies()).set(WISHLIST_COOKIE, wishlistToken(wishlistId), { httpOnly: true, sameSite: 'lax', secure, path: '/', maxAge: 60 * 60 * 24 * 90 })
}

export async function clearGuestWishlistCookie() {
  ;(await cookies()).delete(WISHLIST_COOKIE)
}
