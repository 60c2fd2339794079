import type { Metadata } from 'next'
import { ForbiddenMessage } from '@/components/shop/route-error'
import { SiteChrome } from '@/components/shop/site-header'

export const metadata: Metadata = { title: 'No access' }

export default function Forbidden() {
  return (
    <SiteChrome categoryStrip={false}>
      <ForbiddenMessage />
    </SiteChrome>
  )
}
