import type { Metadata } from 'next'
import { PageNotFoundMessage } from '@/components/shop/route-error'

export const metadata: Metadata = { title: 'Page not found' }

// Inside this group's layout, which draws the header and footer. Without this file every page's
// payload would carry the root not-found page, frame and all, once more for this layout.
export default function GroupNotFound() {
  return <PageNotFoundMessage />
}
