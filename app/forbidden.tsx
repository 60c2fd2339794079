import type { Metadata } from 'next'
import { RouteMessage } from '@/components/shop/route-error'
import { SiteChrome } from '@/components/shop/site-header'

export const metadata: Metadata = { title: 'No access' }

export default function Forbidden() {
  return (
    <SiteChrome>
      <RouteMessage
        title="You don’t have access to this page"
        message="This area is for the shop’s staff. If you think you should have access, ask an administrator."
      />
    </SiteChrome>
  )
}
