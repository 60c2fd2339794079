'use client'

import { RouteMessage } from '@/components/shop/route-error'

export default function ShopError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <RouteMessage title="Something went wrong" message="This page could not be loaded. Please try again in a moment.">
      <button type="button" onClick={reset} className="rounded-full border border-zinc-300 px-4 py-2 text-sm font-semibold hover:bg-zinc-50">
        Try again
      </button>
    </RouteMessage>
  )
}
