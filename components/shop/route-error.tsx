import { Link } from '@/components/ui/link'

/** Shared body of 404 and error pages: say what happened and offer a way back. */
export function RouteMessage({ title, message, children }: { title: string; message: string; children?: React.ReactNode }) {
  return (
    <div className="mx-auto flex max-w-lg flex-col items-center gap-4 py-16 text-center">
      <h1 className="text-2xl font-bold tracking-tight">{title}</h1>
      <p className="text-zinc-700">{message}</p>
      <div className="flex flex-wrap justify-center gap-3">
        {children}
        <Link href="/" className="rounded-full bg-brand-700 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-800">
          Back to the shop
        </Link>
        <Link href="/search" className="rounded-full border border-zinc-300 px-4 py-2 text-sm font-semibold hover:bg-zinc-50">
          Search products
        </Link>
      </div>
    </div>
  )
}

export function PageNotFoundMessage() {
  return <RouteMessage title="We couldn’t find that page" message="The product or page may have moved or is no longer available." />
}

export function ForbiddenMessage() {
  return (
    <RouteMessage
      title="You don’t have access to this page"
      message="This area is for the shop’s staff. If you think you should have access, ask an administrator."
    />
  )
}
