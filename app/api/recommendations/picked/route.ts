import type { NextRequest } from 'next/server'
import { getCurrentUser } from '@/lib/auth/session'
import { getPickedForYou } from '@/lib/recommendations/queries'
import { parseRecentlyViewed, RECENTLY_VIEWED_COOKIE } from '@/lib/recommendations/recently-viewed'

/**
 * GET /api/recommendations/picked → "Picked for you" for the signed-in shopper (from their paid
 * orders and recently viewed cookie); an empty list for guests, so the row hides itself.
 */
export async function GET(request: NextRequest) {
  const user = await getCurrentUser()
  const products = user ? await getPickedForYou(user.id, parseRecentlyViewed(request.cookies.get(RECENTLY_VIEWED_COOKIE)?.value)) : []
  return Response.json({ products }, { headers: { 'cache-control': 'private, no-store' } })
}
