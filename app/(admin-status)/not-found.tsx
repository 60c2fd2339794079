import { RouteMessage } from '@/components/shop/route-error'
import { Link } from '@/components/ui/link'

/** A product, order, customer, promotion or return that does not exist (or no longer does). */
export default function AdminNotFound() {
  return (
    <RouteMessage title="We couldn’t find that page" message="The record may have been deleted, or the link is wrong.">
      <Link href="/admin" className="rounded-full border border-zinc-300 px-4 py-2 text-sm font-semibold hover:bg-zinc-50">
        Admin dashboard
      </Link>
    </RouteMessage>
  )
}
