import type { Metadata } from 'next'
import { RouteMessage } from '@/components/shop/route-error'
import { SiteChrome } from '@/components/shop/site-header'

export const metadata: Metadata = { title: 'Page not found' }

export default function NotFound() {
  return (
    <SiteChrome>
      <RouteMessage title="We couldn’t find that page" message="The product or page may have moved or is no longer available." />
    </SiteChrome>
  )
}
