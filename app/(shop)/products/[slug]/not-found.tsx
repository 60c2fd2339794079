import { RouteMessage } from '@/components/shop/route-error'

export default function ProductNotFound() {
  return <RouteMessage title="This product isn’t available" message="It may have been removed from the catalog, or the link is mistyped." />
}
