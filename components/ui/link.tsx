'use client'

import NextLink from 'next/link'
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
