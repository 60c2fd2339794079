import Link from 'next/link'
import { getSession } from '@/lib/auth/session'

const linkClass = 'rounded-full px-3 py-1.5 text-sm font-medium text-zinc-800 hover:bg-zinc-100 hover:text-zinc-950'

/** The header's account corner. Reads the session, so it renders inside a Suspense boundary. */
export async function AccountLink() {
  const session = await getSession()
  const user = session?.user
  if (!user) {
    return (
      <Link href="/login" className={linkClass}>
        Log in
      </Link>
    )
  }
  return (
    <div className="flex items-center gap-1">
      {user.role === 'admin' && (
        <Link href="/admin" className={linkClass}>
          Admin
        </Link>
      )}
      <Link href="/account" className={linkClass}>
        Account
      </Link>
    </div>
  )
}
