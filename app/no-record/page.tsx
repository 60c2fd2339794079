import type { Metadata } from 'next'
import { notFound } from 'next/navigation'

export const metadata: Metadata = { title: 'Page not found', robots: { index: false, follow: false } }

/**
 * What proxy.ts shows, with a 404 status, for an admin page of a record that does not exist
 * (`/admin/products/999999`): app/not-found.tsx, prerendered at build with its status.
 */
export default function NoRecordPage() {
  notFound()
}
