import type { Metadata } from 'next'
import { Link } from '@/components/ui/link'
import { notFound } from 'next/navigation'
import { PromotionForm } from '@/components/admin/promotion-form'
import { PageHeader } from '@/components/admin/ui'
import { positiveId } from '@/lib/admin/list-params'
import { categoryOptions } from '@/lib/admin/products/queries'
import { requireAdmin } from '@/lib/auth/session'
import { promotionFormValues } from '@/lib/promotions/describe'
import { getPromotion } from '@/lib/promotions/queries'

export const metadata: Metadata = { title: 'Promotion' }
export const instant = false

export default async function EditPromotionPage({ params }: PageProps<'/admin/promotions/[id]'>) {
  const { id: rawId } = await params
  await requireAdmin(`/admin/promotions/${encodeURIComponent(rawId)}`)
  const id = positiveId(rawId)
  if (id === null) notFound()
  const [promotion, categories] = await Promise.all([getPromotion(id), categoryOptions()])
  if (!promotion) notFound()
  return (
    <div className="flex flex-col gap-6">
      <Link href="/admin/promotions" className="text-sm font-medium text-brand-700 hover:underline">
        ← Promotions
      </Link>
      <PageHeader title={`Promotion: ${promotion.name}`} />
      <PromotionForm promotion={promotionFormValues(promotion)} categories={categories} />
    </div>
  )
}
