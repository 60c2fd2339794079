import 'server-only'
import { and, asc, desc, eq, sql } from 'drizzle-orm'
import { cacheLife, cacheTag } from 'next/cache'
import { db } from '@/db/client'
import { categories, productImages, productOptions, productVariants, products } from '@/db/schema'
import { catalogTags } from './cache'
import type { Category, ProductCard, ProductDetail } from './types'

export const productCardColumns = {
  id: products.id,
  slug: products.slug,
  name: products.name,
  priceCents: products.priceCents,
  maxPriceCents: products.maxPriceCents,
  currency: products.currency,
  stock: products.stock,
  ratingAvg: products.ratingAvg,
  ratingCount: products.ratingCount,
  // Written out in full: drizzle leaves columns unqualified in a single-table select, which a subquery would misread.
  imageUrl: sql<string | null>`(select pi.url from product_images pi where pi.product_id = "products"."id" order by pi.position, pi.id limit 1)`,
  imageAlt: products.name,
  // The one variant of a product without options, which a card can add at once; null when there is a choice to make.
  quickAddVariantId: sql<number | null>`(select min(v.id) from product_variants v where v.product_id = "products"."id" and v.option1 is null having count(*) = 1)`,
}

export async function getCategories(): Promise<Category[]> {
  'use cache'
  cacheTag(catalogTags.all, catalogTags.categories)
  cacheLife('hours')
  return db
    .select({
      id: categories.id,
      slug: categories.slug,
      name: categories.name,
      description: categories.description,
      parentId: categories.parentId,
      position: categories.position,
    })
    .from(categories)
    .orderBy(asc(categories.position), asc(categories.name))
}

export async function getCategoryBySlug(slug: string): Promise<Category | null> {
  const all = await getCategories()
  return all.find((category) => category.slug === slug) ?? null
}

export async function getFeaturedProducts(limit = 8): Promise<ProductCard[]> {
  'use cache'
  cacheTag(catalogTags.all, catalogTags.cards)
  cacheLife('hours')
  return db
    .select(productCardColumns)
    .from(products)
    .where(and(eq(products.featured, true), eq(products.active, true)))
    .orderBy(desc(sql`${products.stock} > 0`), desc(products.ratingAvg), asc(products.id))
    .limit(limit)
}

export async function getNewArrivals(limit = 8): Promise<ProductCard[]> {
  'use cache'
  cacheTag(catalogTags.all, catalogTags.cards)
  cacheLife('hours')
  return db.select(productCardColumns).from(products).where(eq(products.active, true)).orderBy(desc(products.createdAt), desc(products.id)).limit(limit)
}

export async function getProductBySlug(slug: string): Promise<ProductDetail | null> {
  'use cache'
  cacheTag(catalogTags.all, catalogTags.product(slug))
  cacheLife('hours')
  const [product] = await db
    .select({
      ...productCardColumns,
      description: products.description,
      categoryId: products.categoryId,
      createdAt: products.createdAt,
      updatedAt: products.updatedAt,
    })
    .from(products)
    .where(and(eq(products.slug, slug), eq(products.active, true)))
    .limit(1)
  if (!product) return null
  const [images, options, variants] = await Promise.all([
    db.select({ url: productImages.url, alt: productImages.alt }).from(productImages).where(eq(productImages.productId, product.id)).orderBy(asc(productImages.position), asc(productImages.id)),
    db
      .select({ position: productOptions.position, name: productOptions.name, values: productOptions.values })
      .from(productOptions)
      .where(eq(productOptions.productId, product.id))
      .orderBy(asc(productOptions.position)),
    db
      .select({
        id: productVariants.id,
        sku: productVariants.sku,
        option1: productVariants.option1,
        option2: productVariants.option2,
        option3: productVariants.option3,
        priceCents: productVariants.priceCents,
        compareAtCents: productVariants.compareAtCents,
        stock: productVariants.stock,
        imageUrl: productImages.url,
      })
      .from(productVariants)
      .leftJoin(productImages, eq(productImages.id, productVariants.imageId))
      .where(and(eq(productVariants.productId, product.id), eq(productVariants.active, true)))
      .orderBy(asc(productVariants.position), asc(productVariants.id)),
  ])
  return {
    ...product,
    createdAt: product.createdAt.toISOString(),
    updatedAt: product.updatedAt.toISOString(),
    images,
    options,
    variants,
  }
}

/** Most popular products to link from the sitemap and for static generation at build time. */
export async function getProductSlugs(limit: number): Promise<{ slug: string; updatedAt: Date }[]> {
  'use cache'
  cacheTag(catalogTags.all)
  cacheLife('hours')
  return db.select({ slug: products.slug, updatedAt: products.updatedAt }).from(products).where(eq(products.active, true)).orderBy(desc(products.ratingCount), asc(products.id)).limit(limit)
}
