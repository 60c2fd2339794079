import type { Metadata } from 'next'
import { ForbiddenMessage } from '@/components/shop/route-error'

export const metadata: Metadata = { title: 'No access' }

// See not-found.tsx beside it: the root forbidden page's frame would be carried by every page here.
export default function GroupForbidden() {
  return <ForbiddenMessage />
}
