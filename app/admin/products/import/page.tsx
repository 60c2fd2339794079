import type { Metadata } from 'next'
import { Link } from '@/components/ui/link'
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
          A UTF-8 CSV file in Shopify’s layout: <strong>one row per variant</strong>; the rows of a product share its <code>Handle</code>. Required columns:{' '}
          <code>Handle</code>, <code>Title</code>, <code>Category</code> (a category’s slug or name) and <code>Variant Price</code> (in dollars, like 12.50).
          Optional: <code>Description</code>, <code>Active</code>, <code>Featured</code>, <code>Option1 Name</code>/<code>Option1 Value</code> to{' '}
          <code>Option3 Name</code>/<code>Option3 Value</code>, <code>Variant SKU</code>, <code>Variant Compare At Price</code>,{' '}
          <code>Variant Inventory Qty</code>, <code>Variant Active</code>, <code>Variant Grams</code> (whole grams, for weight-banded shipping),{' '}
          <code>Variant Barcode</code> and <code>Image Src</code>. Title, Category and the option names go on a product’s first row. A product in the file is
          the whole product: variants it leaves out are removed (archived when they have orders). Our earlier columns (<code>slug</code>, <code>name</code>,{' '}
          <code>price</code>, <code>stock</code>…) still import, one product per row.
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
