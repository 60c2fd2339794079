import type { Metadata } from 'next'
import { Link } from '@/components/ui/link'
import { ProductForm } from '@/components/admin/product-form'
import { PageHeader } from '@/components/admin/ui'
import { categoryOptions } from '@/lib/admin/products/queries'
import { requireAdmin } from '@/lib/auth/session'

export const metadata: Metadata = { title: 'New product' }
export const instant = false

export default async function NewProductPage() {
  await requireAdmin('/admin/products/new')
  const categories = await categoryOptions()
  return (
    <div className="flex flex-col gap-6">
      <Link href="/admin/products" className="text-sm font-medium text-brand-700 hover:underline">
        ← Products
      </Link>
      <PageHeader title="New product" />
      <ProductForm categories={categories} />
    </div>
  )
}
