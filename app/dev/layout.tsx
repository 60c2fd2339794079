import type { Metadata } from 'next'
import { SiteFooter, SiteHeader } from '@/components/shop/site-header'

export const metadata: Metadata = { robots: { index: false, follow: false } }

export default function DevLayout({ children }: { children: React.ReactNode }) {
  return (
    <>
      <SiteHeader />
      <main id="main" className="mx-auto w-full max-w-3xl flex-1 px-4 py-6">
        {children}
      </main>
      <SiteFooter />
    </>
  )
}
