'use client'

import { useSyncExternalStore } from 'react'

/**
 * Which products this visitor saved, shared by every heart on the page and loaded from
 * /api/wishlist in the browser (like the cart badge), so catalogue pages stay static. `null`
 * until the first answer. Hearts mounting together (a grid) share one request; a navigation
 * mounts new hearts, which ask again (signing in merges a guest list).
 */
let saved: ReadonlySet<number> | null = null
let version = 0
let inFlight: Promise<void> | null = null
let loadedAt = 0
const listeners = new Set<() => void>()

function emit() {
  for (const listener of listeners) listener()
}

export function setSaved(productId: number, isSaved: boolean) {
  const next = new Set(saved ?? [])
  if (isSaved) next.add(productId)
  else next.delete(productId)
  saved = next
  version++
  emit()
}

export function loadWishlist() {
  if (inFlight || Date.now() - loadedAt < 1_000) return
  const asked = version
  inFlight = fetch('/api/wishlist', { cache: 'no-store' })
    .then(async (response) => {
      if (!response.ok) return
      const body = (await response.json()) as { productIds: number[] }
      if (version === asked && Array.isArray(body.productIds)) {
        saved = new Set(body.productIds)
        emit()
      }
    })
    .catch(() => {
      // Offline: the hearts keep their last known state.
    })
    .finally(() => {
      inFlight = null
      loadedAt = Date.now()
    })
}

function subscribe(listener: () => void) {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

/** Whether this product is saved: null while unknown. */
export function useSaved(productId: number) {
  return useSyncExternalStore(
    subscribe,
    () => (saved === null ? null : saved.has(productId)),
    () => null,
  )
}
