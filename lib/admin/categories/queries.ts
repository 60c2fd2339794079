import 'server-only'
import { asc, count } from 'drizzle-orm'
import { db } from '@/db/client'
import { categories, products } from '@/db/schema'
import type { Category } from '@/lib/catalog/types'

/** Every category, uncached: admin screens must show what is in the database now. */
export async function allCategories(): Promise<Category[]> {
  return db
    .select({ id: categories.id, slug: categories.slug, name: categories.name, description: categories.description, parentId: categories.parentId, position: categories.position })
    .from(categories)
    .orderBy(asc(categories.position), asc(categories.name))
}

/** Products directly in each category (not counting subcategories). */
export async function productCountsByCategory(): Promise<Map<number, number>> {
  const rows = await db.select({ categoryId: products.categoryId, count: count() }).from(products).groupBy(products.categoryId)
  return new Map(rows.map((row) => [row.categoryId, row.count]))
}
