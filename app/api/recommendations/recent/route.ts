import type { NextRequest } from 'next/server'
import { getProductCardsByIds } from '@/lib/recommendations/queries'
import { parseRecentlyViewed } from '@/lib/recommendations/recently-viewed'

/**
 * GET /api/recommendations/recent?ids=12.7.3 → the product cards of those ids that are for sale,
 * in that order. Public: the ids come from the visitor's own "recently viewed" cookie, and the
 * answer is catalog data anyone can see.
 */
export async function GET(request: NextRequest) {
  const ids = parseRecentlyViewed(request.nextUrl.searchParams.get('ids')).slice(0, 8)
  const products = await getProductCardsByIds(ids)
  return Response.json({ products }, { headers: { 'cache-control': 'private, max-age=60' } })
}
