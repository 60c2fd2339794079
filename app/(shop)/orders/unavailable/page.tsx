import type { Metadata } from 'next'
import { notFound } from 'next/navigation'

export const metadata: Metadata = { title: 'Order not found', robots: { index: false, follow: false } }

/**
 * What proxy.ts shows, with a 404 status, for an order link that matches nothing (unknown id,
 * wrong key, someone else's order). Prerendered as a 404 at build, so the status is sent as is.
 */
export default function UnavailableOrderPage() {
  notFound()
}
