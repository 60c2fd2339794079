import 'server-only'
import { createHmac, timingSafeEqual } from 'node:crypto'
import { cookies, headers } from 'next/headers'
import { authSecret, env, siteUrl } from '@/lib/env'

const CART_COOKIE = 'cart'
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/

function signature(cartId: string) {
  // At build time there is no secret and no request, so nothing is ever signed with this fallback.
  return createHmac('sha256', authSecret ?? 'no-secret')
    .update(`cart:${cartId}`)
    .digest('base64url')
}

export function cartToken(cartId: string) {
  return `${cartId}.${signature(cartId)}`
}

/** The cart id in a cookie value, or null when it is missing, malformed or not signed by us. */
export function cartIdFromToken(token: string | undefined): string | null {
  const [cartId, mac] = token?.split('.') ?? []
  if (!cartId || !mac || !UUID.test(cartId)) return null
  const expected = Buffer.from(signature(cartId))
  const given = Buffer.from(mac)
  return expected.length === given.length && timingSafeEqual(expected, given) ? cartId : null
}

export async function readGuestCartId() {
  return cartIdFromToken((await cookies()).get(CART_COOKIE)?.value)
}

/**
 * Secure whenever this request came over https (Next.js sets X-Forwarded-Proto from the socket
 * unless a proxy in front already did), and always in production when the shop's URL is https.
 * A client that sends its own X-Forwarded-Proto can only add Secure to its own cookie, never
 * take it away where SITE_URL is https.
 */
export function cartCookieIsSecure({ forwardedProto, siteUrl, production }: { forwardedProto: string | null; siteUrl: string; production: boolean }) {
  const requestIsHttps = forwardedProto?.split(',')[0]?.trim().toLowerCase() === 'https'
  return requestIsHttps || (production && siteUrl.startsWith('https://'))
}

/** Only server actions and route handlers may set cookies. */
export async function writeGuestCartCookie(cartId: string) {
  const secure = cartCookieIsSecure({
    forwardedProto: (await headers()).get('x-forwarded-proto'),
    siteUrl,
    production: env.NODE_ENV === 'production',
  })
  ;(await cookies()).set(CART_COOKIE, cartToken(cartId), {
    httpOnly: true,
    sameSite: 'lax',
    secure,
    path: '/',
    maxAge: 60 * 60 * 24 * 30,
  })
}

export async function clearGuestCartCookie() {
  ;(await cookies()).delete(CART_COOKIE)
}
