import { Link } from '@/components/ui/link'
import { RouteMessage } from '@/components/shop/route-error'

/** Inside the account layout, so no shop chrome of its own (the root not-found page has it). */
export default function AddressNotFound() {
  return (
    <RouteMessage title="We couldn’t find that address" message="It may have been deleted. Your saved addresses are listed on the addresses page.">
      <Link href="/account/addresses" className="rounded-full border border-zinc-300 px-4 py-2 text-sm font-semibold hover:bg-zinc-50">
        Your addresses
      </Link>
    </RouteMessage>
  )
}
