import type { Metadata } from 'next'
import { RouteMessage } from '@/components/shop/route-error'
import { SiteFooter, SiteHeader } from '@/components/shop/site-header'

export const metadata: Metadata = { title: 'No access' }

export default function Forbidden() {
  return (
    <>
      <SiteHeader />
      <main id="main" className="mx-auto w-full max-w-7xl flex-1 px-4 py-6">
        <RouteMessage
          title="You don’t have access to this page"
          message="This area is for the shop’s staff. If you think you should have access, ask an administrator."
        />
      </main>
      <SiteFooter />
    </>
  )
}
