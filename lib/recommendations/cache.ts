import 'server-only'
import { revalidateTag, updateTag } from 'next/cache'
import { recommendationTags } from './queries'

/**
 * Expire "Customers also bought" after orders are paid (call it from the payment webhook or the
 * order state machine); otherwise the cached rows refresh within the hour (cacheLife 'hours').
 */
export function invalidateRecommendations(from: 'action' | 'background') {
  if (from === 'action') updateTag(recommendationTags.all)
  else revalidateTag(recommendationTags.all, { expire: 0 })
}
