import { Suspense } from 'react'
import { accountLinks } from '@/components/account/account-nav'
import { SectionNav, SectionNavLinks } from '@/components/ui/section-nav'
import { logoutAction } from '@/lib/auth/actions'

/** Navigation only: each page checks the session itself, inside its own Suspense boundary. */
export default function AccountLayout({ children }: { children: React.ReactNode }) {
  return (
    <div className="flex flex-col gap-6">
      <nav aria-label="Account" className="flex flex-wrap items-center justify-between gap-3 border-b border-zinc-200 pb-3">
        <Suspense fallback={<SectionNavLinks links={accountLinks} pathname={null} />}>
          <SectionNav links={accountLinks} />
        </Suspense>
        <form action={logoutAction}>
          <button type="submit" className="rounded-full border border-zinc-300 px-3 py-1.5 text-sm font-medium text-zinc-800 hover:bg-zinc-50">
            Log out
          </button>
        </form>
      </nav>
      <div>{children}</div>
    </div>
  )
}
