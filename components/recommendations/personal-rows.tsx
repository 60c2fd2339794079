import { cookies } from 'next/headers'
import { getCurrentUser } from '@/lib/auth/session'
import { getPickedForYou, getProductCardsByIds } from '@/lib/recommendations/queries'
import { parseRecentlyViewed, RECENTLY_VIEWED_COOKIE } from '@/lib/recommendations/recently-viewed'
import { ProductRow } from './product-row'

async function viewedIds() {
  return parseRecentlyViewed((await cookies()).get(RECENTLY_VIEWED_COOKIE)?.value)
}

/** Per visitor (reads a cookie): render it inside <Suspense> so the page around it stays static. */
export async function RecentlyViewed({ excludeId }: { excludeId?: number }) {
  const ids = (await viewedIds()).filter((id) => id !== excludeId).slice(0, 4)
  return <ProductRow id="recently-viewed-heading" title="Recently viewed" products={await getProductCardsByIds(ids)} />
}

/** For signed-in shoppers, from their orders and views; nothing for guests. Inside <Suspense>. */
export async function PickedForYou() {
  const user = await getCurrentUser()
  if (!user) return null
  return <ProductRow id="picked-heading" title="Picked for you" products={await getPickedForYou(user.id, await viewedIds())} />
}
