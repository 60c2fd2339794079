import type { Metadata } from 'next'
import { SiteChrome } from '@/components/shop/site-header'

// Sign-in and account pages are personal: nothing here is worth indexing.
export const metadata: Metadata = { robots: { index: false, follow: false } }

export default function AccountGroupLayout({ children }: { children: React.ReactNode }) {
  return <SiteChrome width="narrow">{children}</SiteChrome>
}
