import type { Metadata } from 'next'
import { AdminFrame } from '@/components/admin/admin-frame'

export const metadata: Metadata = { robots: { index: false, follow: false } }

/**
 * Status pages proxy.ts shows on admin URLs, in the admin's frame. Static (prerendered with their
 * status at build): proxy.ts has already checked that the visitor is an admin.
 */
export default function AdminStatusLayout({ children }: { children: React.ReactNode }) {
  return <AdminFrame>{children}</AdminFrame>
}
