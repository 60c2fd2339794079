import type { Metadata } from 'next'
import { notFound } from 'next/navigation'

export const metadata: Metadata = { title: 'Not found' }

/**
 * What proxy.ts shows, with a 404 status, for an admin page of a record that does not exist
 * (`/admin/products/999999`): the not-found page of this group, in the admin's frame.
 */
export default function NoRecordPage() {
  notFound()
}
