import type { Metadata } from 'next'
import Link from 'next/link'
import { ImportForm } from '@/components/admin/import-form'
import { PageHeader } from '@/components/admin/ui'
import { requireAdmin } from '@/lib/auth/session'

export const metadata: Metadata = { title: 'Import products' }
export const instant = false

export default async function ImportProductsPage() {
  await requireAdmin('/admin/products/import')
  return (
    <div className="flex max-w-4xl flex-col gap-6">
      <Link href="/admin/products" className="text-sm font-medium text-brand-700 hover:underline">
        ← Products
      </Link>
      <PageHeader title="Import products" />
      <div className="flex flex-col gap-2 text-sm text-zinc-700">
        <p>
          A UTF-8 CSV file whose first line names the columns. Each row creates a product, or updates the product with the same <strong>slug</strong>. Required:{' '}
          <code>slug</code>, <code>name</code>, <code>price</code> (in dollars, like 12.50), <code>category</code> (a category’s slug or name). Optional:{' '}
          <code>description</code>, <code>stock</code>, <code>active</code> and <code>featured</code> (yes/no). A column you leave out keeps its current value
          on updated products.
        </p>
        <p>
          The{' '}
          <a href="/admin/export/products" className="font-medium text-brand-700 underline" download>
            product export
          </a>{' '}
          has exactly these columns: export, edit in a spreadsheet, import. Preview first: nothing is written until you press Import, and nothing at all is
          imported if a row is wrong, unless you choose to skip bad rows.
        </p>
      </div>
      <ImportForm />
    </div>
  )
}
