'use client'

import { Link } from '@/components/ui/link'
import { useEffect, useState } from 'react'

/**
 * "Write a review", or "Edit your review" once the visitor has reviewed the product. The product
 * page is static and the same for everyone, so whether this visitor reviewed it loads in the browser.
 */
export function ReviewLink({ slug, productId }: { slug: string; productId: number }) {
  const [reviewed, setReviewed] = useState(false)
  useEffect(() => {
    const controller = new AbortController()
    fetch(`/api/reviews/mine?product=${productId}`, { signal: controller.signal })
      .then((response) => (response.ok ? (response.json() as Promise<{ reviewed: boolean }>) : { reviewed: false }))
      .then((body) => setReviewed(body.reviewed))
      .catch((error: unknown) => {
        if (!(error instanceof DOMException && error.name === 'AbortError')) console.warn('own review state failed to load', error)
      })
    return () => controller.abort()
  }, [productId])
  return (
    <Link
      href={`/products/${slug}/reviews#your-review`}
      className="self-start rounded-full border border-zinc-300 px-4 py-2 text-sm font-semibold hover:bg-zinc-50"
    >
      {reviewed ? 'Edit your review' : 'Write a review'}
    </Link>
  )
}
