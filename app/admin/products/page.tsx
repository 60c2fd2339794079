import type { Metadata } from 'next'
import { Link } from '@/components/ui/link'
import { Badge, ButtonLink, EmptyState, filterControlClass, PageHeader, tableClass, tdClass, thClass } from '@/components/admin/ui'
import { Pagination } from '@/components/shop/pagination'
import { StatusMessage } from '@/components/ui/form'
import { hrefWith } from '@/lib/admin/list-params'
import { categoryOptions, listAdminProducts, parseProductListParams, type ProductListParams, productListQuery } from '@/lib/admin/products/queries'
import { requireAdmin } from '@/lib/auth/session'
import { getStoreSettings } from '@/lib/settings/queries'
import { waitingCounts } from '@/lib/stock-alerts/alerts'
import { formatMoney } from '@/lib/money'
import { pluralize } from '@/lib/plural'

export const metadata: Metadata = { title: 'Products' }
export const instant = false

const columns: { key: ProductListParams['sort'] | null; label: string }[] = [
  { key: 'name', label: 'Name' },
  { key: null, label: 'Category' },
  { key: 'price', label: 'Price' },
  { key: 'stock', label: 'Stock' },
  { key: null, label: 'Status' },
  { key: 'updated', label: 'Updated' },
]

export default async function AdminProductsPage({ searchParams }: PageProps<'/admin/products'>) {
  await requireAdmin('/admin/products')
  const raw = await searchParams
  const params = parseProductListParams(raw)
  const query = productListQuery(params)
  const [{ rows, total, pageCount }, categories, settings] = await Promise.all([listAdminProducts(params), categoryOptions(), getStoreSettings()])
  const waiting = await waitingCounts(rows.map((row) => row.id))
  const sortHref = (key: ProductListParams['sort']) =>
    hrefWith('/admin/products', query, {
      sort: key,
      dir: params.sort === key ? (params.dir === 'asc' ? 'desc' : 'asc') : key === 'name' ? 'asc' : 'desc',
      page: '',
    })

  return (
    <div className="flex flex-col gap-6">
      <PageHeader title="Products">
        <ButtonLink href="/admin/export/products" download>
          Export CSV
        </ButtonLink>
        <ButtonLink href="/admin/products/import">Import CSV</ButtonLink>
        <ButtonLink href="/admin/products/new" variant="primary">
          New product
        </ButtonLink>
      </PageHeader>
      {raw.deleted === '1' && <StatusMessage>Product deleted.</StatusMessage>}

      <form method="get" action="/admin/products" role="search" aria-label="Filter products" className="flex flex-wrap items-end gap-3">
        <label className="flex flex-col gap-1 text-sm font-medium">
          Search
          <input type="search" name="q" defaultValue={params.q} placeholder="Name or slug" className={filterControlClass} />
        </label>
        <label className="flex flex-col gap-1 text-sm font-medium">
          Category
          <select name="category" defaultValue={params.category ?? ''} className={filterControlClass}>
            <option value="">All categories</option>
            {categories.map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col gap-1 text-sm font-medium">
          Status
          <select name="status" defaultValue={params.status} className={filterControlClass}>
            <option value="all">Any status</option>
            <option value="active">Active</option>
            <option value="archived">Archived</option>
          </select>
        </label>
        <label className="flex flex-col gap-1 text-sm font-medium">
          Stock
          <select name="stock" defaultValue={params.stock} className={filterControlClass}>
            <option value="all">Any stock</option>
            <option value="in">In stock</option>
            <option value="low">Low (a variant at {settings.lowStockThreshold} or fewer)</option>
            <option value="out">Out of stock</option>
          </select>
        </label>
        {params.sort !== 'updated' && <input type="hidden" name="sort" value={params.sort} />}
        {query.dir !== '' && <input type="hidden" name="dir" value={params.dir} />}
        <button type="submit" className="rounded-full bg-zinc-900 px-4 py-2 text-sm font-semibold text-white hover:bg-zinc-700">
          Filter
        </button>
        <Link href="/admin/products" className="px-2 py-2 text-sm font-medium text-zinc-700 underline">
          Clear
        </Link>
      </form>

      <p className="text-sm text-zinc-700" aria-live="polite">
        {pluralize(total, 'product')}
      </p>
      {rows.length === 0 ? (
        <EmptyState>No products match these filters.</EmptyState>
      ) : (
        <div className="overflow-x-auto">
          <table className={tableClass}>
            <thead>
              <tr>
                {columns.map((column) => (
                  <th
                    key={column.label}
                    scope="col"
                    className={thClass}
                    aria-sort={column.key && params.sort === column.key ? (params.dir === 'asc' ? 'ascending' : 'descending') : undefined}
                  >
                    {column.key ? (
                      <Link href={sortHref(column.key)} className="hover:underline">
                        {column.label}
                        {params.sort === column.key && <span aria-hidden="true">{params.dir === 'asc' ? ' ↑' : ' ↓'}</span>}
                      </Link>
                    ) : (
                      column.label
                    )}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((product) => (
                <tr key={product.id}>
                  <td className={tdClass}>
                    <Link href={`/admin/products/${product.id}`} className="font-medium text-brand-700 hover:underline">
                      {product.name}
                    </Link>
                    <div className="text-xs text-zinc-500">{product.slug}</div>
                  </td>
                  <td className={tdClass}>{product.categoryName}</td>
                  <td className={`${tdClass} tabular-nums`}>{formatMoney(product.priceCents)}</td>
                  <td className={`${tdClass} tabular-nums`}>
                    {product.stock === 0 ? (
                      <Badge tone="red">Out</Badge>
                    ) : product.lowVariants > 0 ? (
                      <>
                        {product.stock} <Badge tone="amber">{pluralize(product.lowVariants, 'variant')} low</Badge>
                      </>
                    ) : (
                      product.stock
                    )}
                    {waiting.get(product.id) ? (
                      <>
                        {' '}
                        <Badge tone="blue">{waiting.get(product.id)} waiting</Badge>
                      </>
                    ) : null}
                  </td>
                  <td className={tdClass}>
                    {product.active ? <Badge tone="green">Active</Badge> : <Badge tone="grey">Archived</Badge>}{' '}
                    {product.featured && <Badge tone="blue">Featured</Badge>}
                  </td>
                  <td className={`${tdClass} whitespace-nowrap text-zinc-600`}>{product.updatedAt.toISOString().slice(0, 10)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination page={params.page} pageCount={pageCount} hrefFor={(page) => hrefWith('/admin/products', query, { page: page === 1 ? '' : page })} />
    </div>
  )
}
