import { NextResponse } from 'next/server'
import { resolveWishlistId, wishlistProductIds } from '@/lib/wishlist/wishlist'

/** The hearts ask here which products this visitor saved, so catalogue pages stay static and cacheable. */
export async function GET() {
  const productIds = await wishlistProductIds(await resolveWishlistId({ create: false }))
  return NextResponse.json({ productIds }, { headers: { 'Cache-Control': 'private, no-store' } })
}
