'use client'

import { useEffect, useRef, useState } from 'react'

/**
 * Stripe's Embedded Checkout, mounted in our own page. Stripe.js is imported dynamically here, so
 * it is fetched only by the /checkout page (never by catalogue pages), and only in the browser.
 */
export function EmbeddedCheckout({ publishableKey, clientSecret }: { publishableKey: string; clientSecret: string }) {
  const container = useRef<HTMLDivElement>(null)
  const [failed, setFailed] = useState(false)

  useEffect(() => {
    let destroy: (() => void) | null = null
    let cancelled = false
    void (async () => {
      try {
        const { loadStripe } = await import('@stripe/stripe-js')
        const stripe = await loadStripe(publishableKey)
        if (!stripe || cancelled || !container.current) return
        const checkout = await stripe.createEmbeddedCheckoutPage({ fetchClientSecret: async () => clientSecret })
        if (cancelled) {
          checkout.destroy()
          return
        }
        checkout.mount(container.current)
        destroy = () => checkout.destroy()
      } catch (error) {
        console.error('Embedded Checkout could not load', error)
        if (!cancelled) setFailed(true)
      }
    })()
    return () => {
      cancelled = true
      destroy?.()
    }
  }, [publishableKey, clientSecret])

  return (
    <div className="flex flex-col gap-3">
      {failed && (
        <p role="alert" className="rounded-xl border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-800">
          The payment form could not load. Check your connection and reload the page; nothing has been charged.
        </p>
      )}
      <div ref={container} data-testid="embedded-checkout" className="min-h-96" aria-busy={!failed} />
    </div>
  )
}
