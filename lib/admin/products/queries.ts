import 'server-only'
import { and, asc, count, desc, eq, ilike, inArray, or, type SQL, sql } from 'drizzle-orm'
import { db } from '@/db/client'
import { categories, products, stockMovements, users } from '@/db/schema'
import { descendantIds, flattenTree } from '@/lib/catalog/category-tree'
import { lowStockThresholdSql } from '@/lib/settings/queries'
import { allCategories } from '../categories/queries'
import { loadOptions, loadVariants } from './variants'
import { one, pageNumber, pick, positiveId, type RawParams } from '../list-params'

export const PRODUCTS_PER_PAGE = 25

const statuses = ['all', 'active', 'archived'] as const
const stockFilters = ['all', 'in', 'low', 'out'] as const
const sorts = ['updated', 'name', 'price', 'stock', 'newest'] as const

export type ProductListParams = {
  q: string
  category: number | null
  status: (typeof statuses)[number]
  stock: (typeof stockFilters)[number]
  sort: (typeof sorts)[number]
  dir: 'asc' | 'desc'
  page: number
}

export function parseProductListParams(params: RawParams): ProductListParams {
  const sort = pick(one(params, 'sort'), sorts, 'updated')
  const defaultDir = sort === 'name' ? 'asc' : 'desc'
  return {
    q: one(params, 'q').slice(0, 200),
    category: positiveId(one(params, 'category')),
    status: pick(one(params, 'status'), statuses, 'all'),
    stock: pick(one(params, 'stock'), stockFilters, 'all'),
    sort,
    dir: pick(one(params, 'dir'), ['asc', 'desc'] as const, defaultDir),
    page: pageNumber(one(params, 'page')),
  }
}

/** The parameters as they appear in the URL (defaults left out). */
export function productListQuery(params: ProductListParams): Record<string, string | number> {
  return {
    q: params.q,
    category: params.category ?? '',
    status: params.status === 'all' ? '' : params.status,
    stock: params.stock === 'all' ? '' : params.stock,
    sort: params.sort === 'updated' ? '' : params.sort,
    dir: params.dir === (params.sort === 'name' ? 'asc' : 'desc') ? '' : params.dir,
    page: params.page === 1 ? '' : params.page,
  }
}

function escapeLike(text: string) {
  return text.replace(/[\\%_]/g, (char) => `\\${char}`)
}

export async function listAdminProducts(params: ProductListParams) {
  const conditions: SQL[] = []
  if (params.q) {
    const pattern = `%${escapeLike(params.q)}%`
    const condition = or(ilike(products.name, pattern), ilike(products.slug, pattern))
    if (condition) conditions.push(condition)
  }
  if (params.category !== null) {
    conditions.push(inArray(products.categoryId, descendantIds(await allCategories(), params.category)))
  }
  if (params.status !== 'all') conditions.push(eq(products.active, params.status === 'active'))
  if (params.stock === 'out') conditions.push(eq(products.stock, 0))
  // Low: still on sale, but some active variant is at or below the low-stock level (sold out included).
  if (params.stock === 'low')
    conditions.push(sql`${products.stock} > 0 and exists (select 1 from product_variants v where v.product_id = ${products.id} and v.active and v.stock <= ${lowStockThresholdSql})`)
  if (params.stock === 'in') conditions.push(sql`${products.stock} > 0`)
  const where = conditions.length > 0 ? and(...conditions) : undefined

  const column = { updated: products.updatedAt, name: products.name, price: products.priceCents, stock: products.stock, newest: products.createdAt }[params.sort]
  const direction = params.dir === 'asc' ? asc : desc
  const [rows, [total]] = await Promise.all([
    db
      .select({
        id: products.id,
        slug: products.slug,
        name: products.name,
        priceCents: products.priceCents,
        stock: products.stock,
        lowVariants: sql<number>`(select count(*)::int from product_variants v where v.product_id = ${products.id} and v.active and v.stock <= ${lowStockThresholdSql})`,
        active: products.active,
        featured: products.featured,
        categoryName: categories.name,
        updatedAt: products.updatedAt,
      })
      .from(products)
      .innerJoin(categories, eq(categories.id, products.categoryId))
      .where(where)
      .orderBy(direction(column), direction(products.id))
      .limit(PRODUCTS_PER_PAGE)
      .offset((params.page - 1) * PRODUCTS_PER_PAGE),
    db.select({ count: count() }).from(products).where(where),
  ])
  const totalCount = total?.count ?? 0
  return { rows, total: totalCount, pageCount: Math.max(1, Math.ceil(totalCount / PRODUCTS_PER_PAGE)) }
}

export async function getAdminProduct(id: number) {
  const [product] = await db.select().from(products).where(eq(products.id, id)).limit(1)
  return product ?? null
}

export async function listStockHistory(productId: number, limit = 100) {
  return db
    .select({
      id: stockMovements.id,
      delta: stockMovements.delta,
      stockAfter: stockMovements.stockAfter,
      reason: stockMovements.reason,
      note: stockMovements.note,
      orderId: stockMovements.orderId,
      createdAt: stockMovements.createdAt,
      byEmail: users.email,
    })
    .from(stockMovements)
    .leftJoin(users, eq(users.id, stockMovements.userId))
    .where(eq(stockMovements.productId, productId))
    .orderBy(desc(stockMovements.id))
    .limit(limit)
}

/** Categories for pickers, indented by depth. */
export async function categoryOptions(): Promise<[string, string][]> {
  return flattenTree(await allCategories()).map(({ category, depth }) => [String(category.id), `${'— '.repeat(depth)}${category.name}`])
}

export async function productHasOrders(productId: number) {
  const rows = await db.execute<{ one: number }>(sql`select 1 as one from order_items where product_id = ${productId} limit 1`)
  return rows.length > 0
}

/** The product's options and every variant (archived ones too), for the variant editor. */
export async function getProductVariants(productId: number) {
  const [options, variants] = await Promise.all([loadOptions(db, productId), loadVariants(db, productId)])
  return { options, variants }
}
