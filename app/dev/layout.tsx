import type { Metadata } from 'next'
import { SiteChrome } from '@/components/shop/site-header'

export const metadata: Metadata = { robots: { index: false, follow: false } }

export default function DevLayout({ children }: { children: React.ReactNode }) {
  return <SiteChrome width="narrow">{children}</SiteChrome>
}
