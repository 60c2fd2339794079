import { Suspense } from 'react'
import { adminLinks } from '@/components/admin/admin-nav'
import { Link } from '@/components/ui/link'
import { SectionNav, SectionNavLinks } from '@/components/ui/section-nav'
import { SkipLink } from '@/components/ui/skip-link'
import { siteName } from '@/lib/site'

/** The admin's header and navigation around a page: no session read, so it also frames static pages. */
export function AdminFrame({ children }: { children: React.ReactNode }) {
  return (
    <>
      <header className="border-b border-zinc-200 bg-zinc-950 text-white">
        <SkipLink />
        <div className="mx-auto flex max-w-7xl flex-col gap-3 px-4 py-3">
          <div className="flex items-center justify-between gap-4">
            <p className="font-bold tracking-tight">
              {siteName} <span className="font-normal text-zinc-300">Admin</span>
            </p>
            <Link href="/" className="text-sm font-medium text-zinc-200 hover:text-white hover:underline">
              Back to the shop
            </Link>
          </div>
          <nav aria-label="Admin">
            <Suspense fallback={<SectionNavLinks links={adminLinks} tone="dark" pathname={null} />}>
              <SectionNav links={adminLinks} tone="dark" />
            </Suspense>
          </nav>
        </div>
      </header>
      <main id="main" className="mx-auto w-full max-w-7xl flex-1 px-4 py-6">
        {children}
      </main>
    </>
  )
}
