import type { Metadata } from 'next'
import { requireAdmin } from '@/lib/auth/session'

export const metadata: Metadata = { title: 'Dashboard' }

export const instant = false

export default async function AdminDashboardPage() {
  const admin = await requireAdmin('/admin')
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-2xl font-bold tracking-tight">Dashboard</h1>
      <p className="text-sm text-zinc-700">
        Signed in as <span className="font-medium text-zinc-900">{admin.email}</span>
      </p>
      <p className="text-zinc-700">The merchant dashboard arrives in a later release.</p>
    </div>
  )
}
