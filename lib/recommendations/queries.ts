import 'server-only'
import { and, eq, gt, inArray, sql } from 'drizzle-orm'
import { cacheLife, cacheTag } from 'next/cache'
import { db } from '@/db/client'
import { products } from '@/db/schema'
import { catalogTags } from '@/lib/catalog/cache'
import { productCardColumns } from '@/lib/catalog/queries'
import type { ProductCard } from '@/lib/catalog/types'
import { paidStatusesSql } from '@/lib/orders/queries'

export const recommendationTags = { all: 'recommendations' } as const

/** Two products must share at least this many paid orders before one recommends the other. */
export const MIN_CO_OCCURRENCE = 2

const forSale = and(eq(products.active, true), gt(products.stock, 0))

/**
 * "Customers also bought": the products that appear most often in the same paid orders as this
 * one, computed in SQL, for sale, in stock. Cached; expired with the catalog, by
 * `recommendationTags.all` (when orders are paid) and after an hour at most.
 */
export async function getAlsoBought(productId: number, limit = 4): Promise<ProductCard[]> {
  'use cache'
  cacheTag(catalogTags.all, catalogTags.cards, recommendationTags.all)
  cacheLife('hours')
  const together = sql<number>`co.together`
  const rows = await db
    .select({ ...productCardColumns, together })
    .from(products)
    .innerJoin(
      sql`(
        select oi.product_id, count(distinct oi.order_id)::int as together
        from order_items oi
        join orders o on o.id = oi.order_id and o.status in (${paidStatusesSql})
        where oi.order_id in (
          select oi2.order_id from order_items oi2 where oi2.product_id = ${productId}
        ) and oi.product_id <> ${productId}
        group by oi.product_id
        having count(distinct oi.order_id) >= ${MIN_CO_OCCURRENCE}
      ) co`,
      sql`co.product_id = ${products.id}`,
    )
    .where(forSale)
    .orderBy(sql`co.together desc`, sql`${products.ratingAvg} desc`, products.id)
    .limit(limit)
  return rows.map(({ together: _together, ...card }) => card)
}

/** "Similar products": same category first, then the closest names (pg_trgm), then the best rated. */
export async function getSimilarProducts(product: { id: number; categoryId: number; name: string }, limit = 4): Promise<ProductCard[]> {
  'use cache'
  cacheTag(catalogTags.all, catalogTags.cards)
  cacheLife('hours')
  return db
    .select(productCardColumns)
    .from(products)
    .where(and(forSale, sql`${products.id} <> ${product.id}`, sql`(${products.categoryId} = ${product.categoryId} or ${products.name} % ${product.name})`))
    .orderBy(sql`(${products.categoryId} = ${product.categoryId}) desc`, sql`similarity(${products.name}, ${product.name}) desc`, sql`${products.ratingAvg} desc`, products.id)
    .limit(limit)
}

/** Product cards for ids in the given order, for sale and in stock only (the recently viewed row). */
export async function getProductCardsByIds(ids: number[]): Promise<ProductCard[]> {
  'use cache'
  cacheTag(catalogTags.all, catalogTags.cards)
  cacheLife('minutes')
  if (ids.length === 0) return []
  const rows = await db
    .select(productCardColumns)
    .from(products)
    .where(and(forSale, inArray(products.id, ids)))
  const byId = new Map(rows.map((row) => [row.id, row]))
  return ids.flatMap((id) => byId.get(id) ?? [])
}

/**
 * "Picked for you": what others bought with the shopper's purchases and recent views, then the
 * best rated of the categories they bought or viewed; never what they already bought. Per
 * shopper, so not cached (it renders inside its own Suspense boundary).
 */
export async function getPickedForYou(userId: string, viewedIds: number[], limit = 4): Promise<ProductCard[]> {
  const viewed =
    viewedIds.length > 0
      ? sql`array[${sql.join(
          viewedIds.map((id) => sql`${id}`),
          sql`, `,
        )}]::int[]`
      : sql`array[]::int[]`
  const rows = await db.execute<{ id: number; score: number }>(sql`
    with bought as (
      select distinct oi.product_id from order_items oi
      join orders o on o.id = oi.order_id and o.status in (${paidStatusesSql})
      where o.user_id = ${userId}
    ),
    seeds as (
      select product_id from bought union select unnest(${viewed})
    ),
    co as (
      select oi.product_id, count(distinct oi.order_id) * 10 as score
      from order_items oi
      join orders o on o.id = oi.order_id and o.status in (${paidStatusesSql})
      where oi.order_id in (select oi2.order_id from order_items oi2 where oi2.product_id in (select product_id from seeds))
      group by oi.product_id
    ),
    cat as (
      select p.id as product_id, 1 + p.rating_avg as score from products p
      where p.category_id in (select category_id from products where id in (select product_id from seeds))
    ),
    scored as (
      select product_id, sum(score) as score from (select * from co union all select * from cat) s group by product_id
    )
    select p.id, scored.score from scored
    join products p on p.id = scored.product_id
    where p.active and p.stock > 0
      and p.id not in (select product_id from seeds)
    order by scored.score desc, p.rating_avg desc, p.id
    limit ${limit}`)
  return getProductCardsByIds(rows.map((row) => Number(row.id)))
}
