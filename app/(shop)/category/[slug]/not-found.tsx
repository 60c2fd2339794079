import { RouteMessage } from '@/components/shop/route-error'

export default function CategoryNotFound() {
  return <RouteMessage title="We couldn’t find that category" message="It may have been renamed or removed. Try searching instead." />
}
