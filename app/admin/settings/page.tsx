import type { Metadata } from 'next'
import { StoreSettingsForm } from '@/components/admin/settings-form'
import { PageHeader, Panel } from '@/components/admin/ui'
import { requireAdmin } from '@/lib/auth/session'
import { getStoreSettings } from '@/lib/settings/queries'

export const metadata: Metadata = { title: 'Settings' }
export const instant = false

export default async function AdminSettingsPage() {
  await requireAdmin('/admin/settings')
  const settings = await getStoreSettings()
  return (
    <div className="flex flex-col gap-6">
      <PageHeader title="Settings" />
      <Panel title="Store">
        <StoreSettingsForm settings={settings} />
      </Panel>
    </div>
  )
}
