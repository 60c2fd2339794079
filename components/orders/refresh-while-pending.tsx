'use client'

import { useRouter } from 'next/navigation'
import { useEffect } from 'react'

/** Re-renders the page every few seconds (up to two minutes) while the payment is being confirmed. */
export function RefreshWhilePending({ everyMs = 2000, maxTries = 60 }: { everyMs?: number; maxTries?: number }) {
  const router = useRouter()
  useEffect(() => {
    let tries = 0
    const timer = setInterval(() => {
      tries += 1
      if (tries > maxTries) clearInterval(timer)
      else router.refresh()
    }, everyMs)
    return () => clearInterval(timer)
  }, [router, everyMs, maxTries])
  return null
}
