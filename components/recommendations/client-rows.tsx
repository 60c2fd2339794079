'use client'

import { lazy, Suspense, useEffect, useRef, useState } from 'react'
import type { ProductCard } from '@/lib/catalog/types'
import { RECENTLY_VIEWED_COOKIE } from '@/lib/recommendations/recently-viewed'

// The cards' code arrives with the products: most visits never scroll these rows into view.
// React.lazy, not next/dynamic: the latter's loader adds 2 kB of its own to the page.
const ProductRow = lazy(() => import('./product-row').then((module) => ({ default: module.ProductRow })))

function readCookie(name: string) {
  const value = document.cookie
    .split('; ')
    .find((part) => part.startsWith(`${name}=`))
    ?.slice(name.length + 1)
  return value ? decodeURIComponent(value) : ''
}

/**
 * Loads a row of products once its place on the page comes near the screen, so the (static,
 * cached) page stays the same for everyone and a phone spends nothing on rows below the fold while
 * the page loads. `urlOf` runs in the browser (it may read cookies); null means nothing to load.
 */
function useProducts(urlOf: () => string | null, key: string) {
  const [products, setProducts] = useState<ProductCard[]>([])
  const placeholder = useRef<HTMLDivElement>(null)
  useEffect(() => {
    const url = urlOf()
    const target = placeholder.current
    if (!url || !target) return
    const controller = new AbortController()
    const observer = new IntersectionObserver(
      (entries) => {
        if (!entries.some((entry) => entry.isIntersecting)) return
        observer.disconnect()
        fetch(url, { signal: controller.signal })
          .then((response) => (response.ok ? (response.json() as Promise<{ products: ProductCard[] }>) : { products: [] }))
          .then((body) => setProducts(body.products))
          .catch((error: unknown) => {
            if (!(error instanceof DOMException && error.name === 'AbortError')) console.warn('recommendations failed to load', error)
          })
      },
      { rootMargin: '400px 0px' },
    )
    observer.observe(target)
    return () => {
      observer.disconnect()
      controller.abort()
    }
    // urlOf is recreated every render; `key` says when it would answer differently.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key])
  return { products, placeholder }
}

/** "Recently viewed", from the visitor's cookie (guests too); hidden when empty. */
export function RecentlyViewedRow({ excludeId }: { excludeId?: number }) {
  const { products, placeholder } = useProducts(() => {
    // Read after RecordView (an earlier sibling) has added the current product.
    const ids = readCookie(RECENTLY_VIEWED_COOKIE)
      .split('.')
      .filter((id) => id && id !== String(excludeId))
      .slice(0, 4)
    return ids.length > 0 ? `/api/recommendations/recent?ids=${ids.join('.')}` : null
  }, String(excludeId))
  return (
    <>
      <div ref={placeholder} />
      {products.length > 0 && (
        <Suspense fallback={null}>
          <ProductRow id="recently-viewed-heading" title="Recently viewed" products={products} />
        </Suspense>
      )}
    </>
  )
}

/** "Picked for you" for signed-in shoppers; the endpoint answers an empty list to guests. */
export function PickedForYouRow() {
  const { products, placeholder } = useProducts(() => '/api/recommendations/picked', 'picked')
  return (
    <>
      <div ref={placeholder} />
      {products.length > 0 && (
        <Suspense fallback={null}>
          <ProductRow id="picked-heading" title="Picked for you" products={products} />
        </Suspense>
      )}
    </>
  )
}
