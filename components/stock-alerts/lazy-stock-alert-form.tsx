'use client'

import { lazy, Suspense } from 'react'

// React.lazy, not next/dynamic: the latter's loader adds 2 kB of its own to the page.
const StockAlertForm = lazy(() => import('./stock-alert-form').then((module) => ({ default: module.StockAlertForm })))

/**
 * The "Email me when it's back" form, whose code (and the form kit's) only sold-out pages load.
 * It is still rendered on the server, so it works before any script arrives.
 */
export function LazyStockAlertForm(props: { productId: number; variantId: number }) {
  return (
    <Suspense fallback={null}>
      <StockAlertForm {...props} />
    </Suspense>
  )
}
