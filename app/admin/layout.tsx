import type { Metadata } from 'next'
import { AdminFrame } from '@/components/admin/admin-frame'
import { requireAdmin } from '@/lib/auth/session'
import { siteName } from '@/lib/site'

export const metadata: Metadata = { title: { default: 'Admin', template: `%s · Admin · ${siteName}` }, robots: { index: false, follow: false } }

// The role check runs before anything is sent, so a customer gets a real 403 status.
export const instant = false

export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  // A first gate for the whole area; every page, action and route handler still checks itself.
  await requireAdmin('/admin')
  return <AdminFrame>{children}</AdminFrame>
}
