import type { Metadata } from 'next'
import { SiteFooter, SiteHeader } from '@/components/shop/site-header'

// Sign-in and account pages are personal: nothing here is worth indexing.
export const metadata: Metadata = { robots: { index: false, follow: false } }

export default function AccountGroupLayout({ children }: { children: React.ReactNode }) {
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
