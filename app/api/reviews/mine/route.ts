import type { NextRequest } from 'next/server'
import { z } from 'zod'
import { getCurrentUser } from '@/lib/auth/session'
import { getOwnReview } from '@/lib/reviews/queries'

const productId = z.coerce.number().int().positive().max(2_147_483_647)

/**
 * GET /api/reviews/mine?product=<id> → whether the signed-in shopper has reviewed that product,
 * so the (static, cached) product page can offer "Edit your review" instead of "Write a review".
 * Guests and unknown products get `false`.
 */
export async function GET(request: NextRequest) {
  const parsed = productId.safeParse(request.nextUrl.searchParams.get('product'))
  const user = parsed.success ? await getCurrentUser() : null
  const reviewed = user && parsed.success ? (await getOwnReview(user.id, parsed.data)) !== null : false
  return Response.json({ reviewed }, { headers: { 'cache-control': 'private, no-store' } })
}
