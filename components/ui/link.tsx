'use client'

import { useRouter } from 'next/navigation'
import { type ComponentProps, type MouseEvent, createContext, use, useTransition } from 'react'

type LinkProps = Omit<ComponentProps<'a'>, 'href'> & {
  href: string
  /** Replace the current history entry instead of adding one. */
  replace?: boolean
  /** Scroll to the top of the new page (the default), or keep the scroll position. */
  scroll?: boolean
  /** `false`: never prefetch, not even on hover. */
  prefetch?: boolean
}

const LinkPending = createContext(false)

function inThisTab(event: MouseEvent<HTMLAnchorElement>) {
  const target = event.currentTarget.getAttribute('target')
  const modified = event.metaKey || event.ctrlKey || event.shiftKey || event.altKey
  return event.button === 0 && !modified && (!target || target === '_self') && !event.currentTarget.hasAttribute('download')
}

/**
 * A link the app router follows without reloading the page, and prefetches when a visitor reaches
 * for it (hover, focus or touch), not when it scrolls into view: a listing shows ~40 links, and
 * prefetching each on sight cost a phone a second of main-thread work and ~60 requests right after
 * load (Lighthouse TBT and LCP, README Performance). It is not `next/link`, whose code (URL
 * objects, viewport observers, its own prefetch bookkeeping) is ~4 kB of gzipped script on every
 * page for features this shop does not use; following a link is the router's own `push`.
 */
export function Link({ href, replace = false, scroll = true, prefetch = true, onClick, onMouseEnter, onFocus, onTouchStart, children, ...props }: LinkProps) {
  const router = useRouter()
  const [pending, startTransition] = useTransition()
  const inApp = href.startsWith('/') && !href.startsWith('//')
  const prefetchOnIntent = () => {
    if (prefetch && inApp) router.prefetch(href)
  }
  return (
    <a
      {...props}
      href={href}
      onClick={(event) => {
        onClick?.(event)
        if (event.defaultPrevented || !inApp || !inThisTab(event)) return
        event.preventDefault()
        startTransition(() => (replace ? router.replace(href, { scroll }) : router.push(href, { scroll })))
      }}
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
    >
      <LinkPending value={pending}>{children}</LinkPending>
    </a>
  )
}

/**
 * Put inside a Link: a small spinner while the page it opens is on its way, so a click on a slow
 * connection visibly took (the current page stays up until the next one is ready).
 */
export function LinkPendingMark() {
  if (!use(LinkPending)) return null
  return <span aria-hidden="true" data-testid="link-pending" className="size-3 animate-spin rounded-full border-2 border-current border-t-transparent" />
}
