'use client'

import { useEffect, useState } from 'react'
import type { ProductCard } from '@/lib/catalog/types'
import { RECENTLY_VIEWED_COOKIE } from '@/lib/recommendations/recently-viewed'
import { ProductRow } from './product-row'

function readCookie(name: string) {
  const value = document.cookie
    .split('; ')
    .find((part) => part.startsWith(`${name}=`))
    ?.slice(name.length + 1)
  return value ? decodeURIComponent(value) : ''
}

/**
 * Loads a row of products after the page is shown, so the (static, cached) page stays the same
 * for everyone. `urlOf` runs in the browser (it may read cookies); null means nothing to load.
 */
function useProducts(urlOf: () => string | null, key: string) {
  const [products, setProducts] = useState<ProductCard[]>([])
  useEffect(() => {
    const url = urlOf()
    if (!url) return
    const controller = new AbortController()
    fetch(url, { signal: controller.signal })
      .then((response) => (response.ok ? (response.json() as Promise<{ products: ProductCard[] }>) : { products: [] }))
      .then((body) => setProducts(body.products))
      .catch((error: unknown) => {
        if (!(error instanceof DOMException && error.name === 'AbortError')) console.warn('recommendations failed to load', error)
      })
    return () => controller.abort()
    // urlOf is recreated every render; `key` says when it would answer differently.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key])
  return products
}

/** "Recently viewed", from the visitor's cookie (guests too); hidden when empty. */
export function RecentlyViewedRow({ excludeId }: { excludeId?: number }) {
  const products = useProducts(() => {
    // Read after RecordView (an earlier sibling) has added the current product.
    const ids = readCookie(RECENTLY_VIEWED_COOKIE)
      .split('.')
      .filter((id) => id && id !== String(excludeId))
      .slice(0, 4)
    return ids.length > 0 ? `/api/recommendations/recent?ids=${ids.join('.')}` : null
  }, String(excludeId))
  return <ProductRow id="recently-viewed-heading" title="Recently viewed" products={products} />
}

/** "Picked for you" for signed-in shoppers; the endpoint answers an empty list to guests. */
export function PickedForYouRow() {
  return <ProductRow id="picked-heading" title="Picked for you" products={useProducts(() => '/api/recommendations/picked', 'picked')} />
}
