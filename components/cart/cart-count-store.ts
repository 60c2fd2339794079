'use client'

import { useSyncExternalStore } from 'react'

/**
 * The header badge's count, shared by every cart control on the page. `null` until the first
 * answer from /api/cart; add-to-cart buttons bump it optimistically and then set the server's number.
 */
let count: number | null = null
let loading: Promise<void> | null = null
const listeners = new Set<() => void>()

function emit() {
  for (const listener of listeners) listener()
}

export function setCartCount(next: number) {
  count = next
  emit()
}

export function bumpCartCount(by: number) {
  if (count !== null) setCartCount(count + by)
}

function load() {
  loading ??= fetch('/api/cart', { cache: 'no-store' })
    .then((response) => (response.ok ? (response.json() as Promise<{ count: number }>) : null))
    .then((body) => {
      if (body && count === null) setCartCount(body.count)
    })
    .catch(() => {})
  return loading
}

function subscribe(listener: () => void) {
  listeners.add(listener)
  void load()
  return () => listeners.delete(listener)
}

export function useCartCount() {
  return useSyncExternalStore(
    subscribe,
    () => count,
    () => null,
  )
}
