'use client'

import NextLink, { useLinkStatus } from 'next/link'
import { useRouter } from 'next/navigation'
import type { ComponentProps } from 'react'

/**
 * `next/link` that prefetches when a visitor reaches for the link (hover, focus or touch), not when
 * it scrolls into view. A listing shows ~40 links; prefetching each on sight cost a phone a second
 * of main-thread work and ~60 requests right after load (Lighthouse TBT and LCP, README
 * Performance), for pages most visitors never open.
 */
export function Link({ href, prefetch, onMouseEnter, onFocus, onTouchStart, ...props }: ComponentProps<typeof NextLink>) {
  const router = useRouter()
  const target = typeof href === 'string' ? href : null
  const prefetchOnIntent = () => {
    if (prefetch !== false && target?.startsWith('/')) router.prefetch(target)
  }
  return (
    <NextLink
      {...props}
      href={href}
      prefetch={false}
      onMouseEnter={(event) => {
        prefetchOnIntent()
        onMouseEnter?.(event)
      }}
      onFocus={(event) => {
        prefetchOnIntent()
        onFocus?.(event)
      }}
      onTouchStart={(event) => {
        prefetchOnIntent()
        onTouchStart?.(event)
      }}
    />
  )
}

/**
 * Put inside a Link: a small spinner while the page it opens is on its way, so a click on a slow
 * connection visibly took (the current page stays up until the next one is ready).
 */
export function LinkPendingMark() {
  const { pending } = useLinkStatus()
  if (!pending) return null
  return <span aria-hidden="true" data-testid="link-pending" className="size-3 animate-spin rounded-full border-2 border-current border-t-transparent" />
}
