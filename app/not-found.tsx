import type { Metadata } from 'next'
import { RouteMessage } from '@/components/shop/route-error'
import { SiteFooter, SiteHeader } from '@/components/shop/site-header'

export const metadata: Metadata = { title: 'Page not found' }

export default function NotFound() {
  return (
    <>
      <SiteHeader />
      <main id="main" className="mx-auto w-full max-w-7xl flex-1 px-4 py-6">
        <RouteMessage title="We couldn’t find that page" message="The product or page may have moved or is no longer available." />
      </main>
      <SiteFooter />
    </>
  )
}
