'use client'

import { Link } from '@/components/ui/link'

/** A failure inside an admin page keeps the admin navigation around it and offers a retry. */
export default function AdminError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="mx-auto flex max-w-lg flex-col items-center gap-4 py-16 text-center">
      <h1 className="text-2xl font-bold tracking-tight">Something went wrong</h1>
      <p className="text-zinc-700">This page could not be loaded. Nothing you saved before was lost; please try again in a moment.</p>
      <div className="flex flex-wrap justify-center gap-3">
        <button type="button" onClick={reset} className="rounded-full border border-zinc-300 px-4 py-2 text-sm font-semibold hover:bg-zinc-50">
          Try again
        </button>
        <Link href="/admin" className="rounded-full bg-brand-700 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-800">
          Back to the dashboard
        </Link>
      </div>
    </div>
  )
}
