import type { NextRequest } from 'next/server'
import { cartIdFromToken, writeGuestCartCookie } from '@/lib/cart/cookie'
import { seeOther } from '@/lib/http/see-other'

/** The link in a guest's cart reminder: puts the cart back in this browser (the link is signed) and opens it. */
export async function GET(request: NextRequest) {
  const cartId = cartIdFromToken(request.nextUrl.searchParams.get('token') ?? undefined)
  if (cartId) await writeGuestCartCookie(cartId)
  return seeOther('/cart')
}
