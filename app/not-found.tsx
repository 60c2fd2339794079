import type { Metadata } from 'next'
import { PageNotFoundMessage } from '@/components/shop/route-error'
import { SiteChrome } from '@/components/shop/site-header'

export const metadata: Metadata = { title: 'Page not found' }

/** A URL no route matches. Inside the storefront's layouts, their own not-found adds no second frame. */
export default function NotFound() {
  return (
    <SiteChrome categoryStrip={false}>
      <PageNotFoundMessage />
    </SiteChrome>
  )
}
