'use client'

import { useEffect, useRef, useSyncExternalStore } from 'react'

/**
 * The header badge's count, shared by every cart control on the page. `null` until the first
 * answer from /api/cart; add-to-cart buttons bump it optimistically and then set the server's
 * number; the cart and checkout pages hand over the count they rendered (see CartCountSync); and
 * the badge asks /api/cart again on every navigation, which covers signing in or out (a guest
 * cart merged at login) and coming back from the payment page.
 */
let count: number | null = null
/** Bumped by every local change, so an answer to an older request never overwrites a newer count. */
let version = 0
const listeners = new Set<() => void>()

function emit() {
  for (const listener of listeners) listener()
}

export function setCartCount(next: number) {
  count = next
  version++
  emit()
}

export function bumpCartCount(by: number) {
  if (count !== null) setCartCount(count + by)
}

/** Asks the server for the current count. */
export async function refreshCartCount() {
  const asked = version
  try {
    const response = await fetch('/api/cart', { cache: 'no-store' })
    if (!response.ok) return
    const body = (await response.json()) as { count: number }
    if (version === asked && typeof body.count === 'number') setCartCount(body.count)
  } catch {
    // Offline or navigating away: the badge keeps its last known count until the next answer.
  }
}

function subscribe(listener: () => void) {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

export function useCartCount() {
  return useSyncExternalStore(
    subscribe,
    () => count,
    () => null,
  )
}

/**
 * Hands a server-rendered cart count to the badge. Rendered by pages that show the cart's
 * contents, so the badge follows them when an action re-renders the page (a removed line's own
 * controls are gone before they could report). It reports only a count it has not reported
 * before, so a page shown again from the router's cache cannot put back an old number.
 */
export function CartCountSync({ count: rendered }: { count: number }) {
  const reported = useRef<number | null>(null)
  useEffect(() => {
    if (reported.current === rendered) return
    reported.current = rendered
    setCartCount(rendered)
  }, [rendered])
  return null
}
