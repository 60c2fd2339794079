import type { Metadata } from 'next'
import { Link } from '@/components/ui/link'
import { PromotionForm } from '@/components/admin/promotion-form'
import { PageHeader } from '@/components/admin/ui'
import { categoryOptions } from '@/lib/admin/products/queries'
import { requireAdmin } from '@/lib/auth/session'

export const metadata: Metadata = { title: 'New promotion' }
export const instant = false

export default async function NewPromotionPage() {
  await requireAdmin('/admin/promotions/new')
  const categories = await categoryOptions()
  return (
    <div className="flex flex-col gap-6">
      <Link href="/admin/promotions" className="text-sm font-medium text-brand-700 hover:underline">
        ← Promotions
      </Link>
      <PageHeader title="New promotion" />
      <PromotionForm categories={categories} />
    </div>
  )
}
