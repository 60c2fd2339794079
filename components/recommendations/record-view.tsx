'use client'

import { useEffect } from 'react'
import { addRecentlyViewed, RECENTLY_VIEWED_COOKIE } from '@/lib/recommendations/recently-viewed'

/** Adds the product to the visitor's "recently viewed" cookie (guests included); renders nothing. */
export function RecordView({ productId }: { productId: number }) {
  useEffect(() => {
    const current = document.cookie
      .split('; ')
      .find((part) => part.startsWith(`${RECENTLY_VIEWED_COOKIE}=`))
      ?.slice(RECENTLY_VIEWED_COOKIE.length + 1)
    const value = addRecentlyViewed(current ? decodeURIComponent(current) : null, productId)
    document.cookie = `${RECENTLY_VIEWED_COOKIE}=${value}; path=/; max-age=${60 * 60 * 24 * 30}; samesite=lax`
  }, [productId])
  return null
}
