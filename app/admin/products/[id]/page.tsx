import type { Metadata } from 'next'
import { Link } from '@/components/ui/link'
import { notFound } from 'next/navigation'
import { ProductForm } from '@/components/admin/product-form'
import { DeleteProductForm, ImageManager, ImageUploadForm } from '@/components/admin/product-side-forms'
import { Badge, DataTable, formatDateTime, PageHeader, Panel, tdClass } from '@/components/admin/ui'
import { OptionsForm, VariantsTable, VariantStockForm } from '@/components/admin/variant-editor'
import { StatusMessage } from '@/components/ui/form'
import { positiveId } from '@/lib/admin/list-params'
import { listProductImages } from '@/lib/admin/products/images'
import { categoryOptions, getAdminProduct, getProductVariants, listStockHistory, productHasOrders } from '@/lib/admin/products/queries'
import { variantTitle } from '@/lib/admin/products/variant-plan'
import { pluralize } from '@/lib/plural'
import { requireAdmin } from '@/lib/auth/session'
import { waitingByVariant } from '@/lib/stock-alerts/alerts'
import { toMajorUnitsString } from '@/lib/money'

export const metadata: Metadata = { title: 'Edit product' }
export const instant = false

const reasonLabels = {
  reservation: 'Order reserved',
  release: 'Reservation released',
  restock: 'Restock',
  adjustment: 'Correction',
  import: 'CSV import',
} as const

export default async function EditProductPage({ params, searchParams }: PageProps<'/admin/products/[id]'>) {
  const { id: rawId } = await params
  await requireAdmin(`/admin/products/${encodeURIComponent(rawId)}`)
  const id = positiveId(rawId)
  if (id === null) notFound()
  const [product, categories, images, history, hasOrders, query, { options, variants: variantRows }] = await Promise.all([
    getAdminProduct(id),
    categoryOptions(),
    listProductImages(id),
    listStockHistory(id),
    productHasOrders(id),
    searchParams,
    getProductVariants(id),
  ])
  const waiting = await waitingByVariant(id)
  if (!product) notFound()
  const variants = variantRows.map((variant) => ({
    id: variant.id,
    title: variantTitle([variant.option1, variant.option2, variant.option3]),
    sku: variant.sku,
    price: toMajorUnitsString(variant.priceCents),
    compareAt: variant.compareAtCents === null ? '' : toMajorUnitsString(variant.compareAtCents),
    weightGrams: variant.weightGrams === null ? '' : String(variant.weightGrams),
    barcode: variant.barcode ?? '',
    imageId: variant.imageId,
    active: variant.active,
    stock: variant.stock,
    hasOrders: variant.hasOrders,
  }))
  const editorImages = images.map((image) => ({ id: image.id, url: image.url, alt: image.alt }))

  return (
    <div className="flex flex-col gap-6">
      <Link href="/admin/products" className="text-sm font-medium text-brand-700 hover:underline">
        ← Products
      </Link>
      <PageHeader title={product.name}>
        {product.active ? <Badge tone="green">Active</Badge> : <Badge tone="grey">Archived</Badge>}
        {product.active && (
          <Link href={`/products/${product.slug}`} className="text-sm font-medium text-brand-700 hover:underline">
            View in the shop
          </Link>
        )}
      </PageHeader>
      {query.created === '1' && (
        <StatusMessage>Product created. It is in the shop now{product.active ? '' : ' (archived: hidden until you make it active)'}.</StatusMessage>
      )}
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <Panel title="Details">
          <ProductForm
            categories={categories}
            product={{
              id: product.id,
              name: product.name,
              slug: product.slug,
              price: options.length === 0 && variantRows[0] ? toMajorUnitsString(variantRows[0].priceCents) : null,
              categoryId: product.categoryId,
              description: product.description,
              active: product.active,
              featured: product.featured,
            }}
          />
        </Panel>
        <div className="flex flex-col gap-6">
          <Panel title="Images">
            <ImageManager productId={product.id} images={images.map((image) => ({ id: image.id, url: image.url, alt: image.alt }))} />
            <ImageUploadForm productId={product.id} />
          </Panel>
          <Panel title={`Stock: ${product.stock}`}>
            <VariantStockForm productId={product.id} variants={variants} />
            {waiting.length > 0 && (
              <div className="mt-4 text-sm text-zinc-700">
                <p className="font-medium text-zinc-900">
                  {pluralize(
                    waiting.reduce((sum, row) => sum + row.waiting, 0),
                    'shopper',
                  )}{' '}
                  waiting for a back-in-stock email
                </p>
                <ul className="mt-1 list-disc pl-5">
                  {waiting.map((row) => (
                    <li key={row.variantId}>
                      {row.title || 'This product'}: {row.waiting} waiting
                    </li>
                  ))}
                </ul>
              </div>
            )}
          </Panel>
          <Panel title={hasOrders ? 'Archive' : 'Delete'}>
            <DeleteProductForm productId={product.id} hasOrders={hasOrders} />
          </Panel>
        </div>
      </div>
      <Panel title="Options">
        <OptionsForm productId={product.id} options={options} />
      </Panel>
      <Panel title={`Variants (${variants.length})`}>
        <VariantsTable productId={product.id} variants={variants} images={editorImages} />
      </Panel>
      <Panel title="Stock history">
        {history.length === 0 ? (
          <p className="text-sm text-zinc-700">No stock changes yet.</p>
        ) : (
          <DataTable columns={['When', 'Change', 'Stock after', 'Reason', 'Note', 'By']}>
            {history.map((movement) => (
              <tr key={movement.id}>
                <td className={`${tdClass} whitespace-nowrap`}>{formatDateTime(movement.createdAt)}</td>
                <td className={`${tdClass} tabular-nums ${movement.delta < 0 ? 'text-red-700' : 'text-emerald-700'}`}>
                  {movement.delta > 0 ? `+${movement.delta}` : movement.delta}
                </td>
                <td className={`${tdClass} tabular-nums`}>{movement.stockAfter}</td>
                <td className={tdClass}>
                  {reasonLabels[movement.reason]}
                  {movement.orderId ? ` (order ${movement.orderId})` : ''}
                </td>
                <td className={tdClass}>{movement.note}</td>
                <td className={tdClass}>{movement.byEmail ?? (movement.orderId ? 'Checkout' : '—')}</td>
              </tr>
            ))}
          </DataTable>
        )}
      </Panel>
    </div>
  )
}
