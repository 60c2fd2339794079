import { Link } from '@/components/ui/link'
import { RouteMessage } from '@/components/shop/route-error'

/** An order link that matched nothing: someone else's, mistyped, or an unknown checkout session. */
export function OrderNotFound() {
  return (
    <RouteMessage title="We couldn’t find that order" message="The link may be incomplete. Look the order up with its number and your email address.">
      <Link href="/orders/lookup" className="rounded-full border border-zinc-300 px-4 py-2 text-sm font-semibold hover:bg-zinc-50">
        Find your order
      </Link>
    </RouteMessage>
  )
}
