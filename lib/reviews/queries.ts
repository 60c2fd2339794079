import 'server-only'
import { and, asc, desc, eq, type SQL, sql } from 'drizzle-orm'
import { cacheLife, cacheTag } from 'next/cache'
import { db } from '@/db/client'
import { products, reviewReports, reviews, reviewVotes, users } from '@/db/schema'
import { catalogTags } from '@/lib/catalog/cache'
import { paidStatusesSql } from '@/lib/orders/queries'
import type { RatingDistribution, ReviewOverview, ReviewView, ViewerReview } from './types'
import { type ModerationParams, type ReviewSort, reviewerDisplayName } from './validation'

export const REVIEWS_PAGE_SIZE = 10

/** True when the review's author has a paid order containing the product. */
const verifiedPurchase = sql<boolean>`exists (
  select 1 from orders o join order_items oi on oi.order_id = o.id
  where o.user_id = ${reviews.userId} and oi.product_id = ${reviews.productId} and o.status in (${paidStatusesSql})
)`

const reviewColumns = {
  id: reviews.id,
  rating: reviews.rating,
  title: reviews.title,
  body: reviews.body,
  authorName: users.name,
  verified: verifiedPurchase,
  helpfulCount: reviews.helpfulCount,
  createdAt: reviews.createdAt,
  updatedAt: reviews.updatedAt,
}

type ReviewRow = {
  [K in keyof typeof reviewColumns]: K extends 'authorName'
    ? string | null
    : K extends 'createdAt' | 'updatedAt'
      ? Date
      : K extends 'verified'
        ? boolean
        : K extends 'rating' | 'id' | 'helpfulCount'
          ? number
          : string
}

function toView(row: ReviewRow): ReviewView {
  return {
    id: row.id,
    rating: row.rating,
    title: row.title,
    body: row.body,
    authorName: reviewerDisplayName(row.authorName),
    verified: Boolean(row.verified),
    helpfulCount: row.helpfulCount,
    createdAt: new Date(row.createdAt).toISOString(),
    // An edit more than a minute after posting is shown as such.
    edited: new Date(row.updatedAt).getTime() - new Date(row.createdAt).getTime() > 60_000,
  }
}

const sortOrder: Record<ReviewSort, SQL[]> = {
  newest: [desc(reviews.createdAt), desc(reviews.id)],
  highest: [desc(reviews.rating), desc(reviews.createdAt), desc(reviews.id)],
  lowest: [asc(reviews.rating), desc(reviews.createdAt), desc(reviews.id)],
  helpful: [desc(reviews.helpfulCount), desc(reviews.createdAt), desc(reviews.id)],
}

export async function getRatingDistribution(productId: number): Promise<RatingDistribution> {
  const rows = await db
    .select({ rating: reviews.rating, count: sql<number>`count(*)::int` })
    .from(reviews)
    .where(and(eq(reviews.productId, productId), eq(reviews.hidden, false)))
    .groupBy(reviews.rating)
  const distribution: RatingDistribution = { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 }
  for (const row of rows) if (row.rating >= 1 && row.rating <= 5) distribution[row.rating as 1 | 2 | 3 | 4 | 5] = row.count
  return distribution
}

/**
 * The summary and the latest reviews for the product page, cached per product and expired by
 * invalidateProducts([slug], …) whenever a review of it changes.
 */
export async function getReviewOverview(productId: number, slug: string, latest = 3): Promise<ReviewOverview> {
  'use cache'
  cacheTag(catalogTags.all, catalogTags.product(slug))
  cacheLife('hours')
  const [[product], distribution, rows] = await Promise.all([
    db.select({ average: products.ratingAvg, count: products.ratingCount }).from(products).where(eq(products.id, productId)),
    getRatingDistribution(productId),
    db
      .select(reviewColumns)
      .from(reviews)
      .innerJoin(users, eq(users.id, reviews.userId))
      .where(and(eq(reviews.productId, productId), eq(reviews.hidden, false)))
      .orderBy(...sortOrder.newest)
      .limit(latest),
  ])
  return { average: product?.average ?? 0, count: product?.count ?? 0, distribution, latest: rows.map(toView) }
}

/** A page of visible reviews for one visitor (so it knows what they voted for and reported). */
export async function listProductReviews(
  productId: number,
  options: { sort: ReviewSort; page: number; viewerId: string | null; pageSize?: number },
): Promise<{ reviews: ViewerReview[]; total: number; pageCount: number }> {
  const pageSize = options.pageSize ?? REVIEWS_PAGE_SIZE
  const viewer = options.viewerId ?? ''
  const visible = and(eq(reviews.productId, productId), eq(reviews.hidden, false))
  const [rows, [totals]] = await Promise.all([
    db
      .select({
        ...reviewColumns,
        userId: reviews.userId,
        votedByViewer: sql<boolean>`exists (select 1 from ${reviewVotes} v where v.review_id = ${reviews.id} and v.user_id = ${viewer})`,
        reportedByViewer: sql<boolean>`exists (select 1 from ${reviewReports} rr where rr.review_id = ${reviews.id} and rr.user_id = ${viewer})`,
      })
      .from(reviews)
      .innerJoin(users, eq(users.id, reviews.userId))
      .where(visible)
      .orderBy(...sortOrder[options.sort])
      .limit(pageSize)
      .offset((options.page - 1) * pageSize),
    db
      .select({ total: sql<number>`count(*)::int` })
      .from(reviews)
      .where(visible),
  ])
  const total = totals?.total ?? 0
  return {
    reviews: rows.map((row) => ({
      ...toView(row),
      votedByViewer: Boolean(row.votedByViewer),
      reportedByViewer: Boolean(row.reportedByViewer),
      mine: row.userId === options.viewerId,
    })),
    total,
    pageCount: Math.max(1, Math.ceil(total / pageSize)),
  }
}

/** The shopper's own review of the product (hidden or not), to edit or delete. */
export async function getOwnReview(userId: string, productId: number) {
  const [row] = await db
    .select({ id: reviews.id, rating: reviews.rating, title: reviews.title, body: reviews.body, hidden: reviews.hidden })
    .from(reviews)
    .where(and(eq(reviews.userId, userId), eq(reviews.productId, productId)))
  return row ?? null
}

/** Whether the shopper has a paid order containing the product (the "Verified purchase" rule). */
export async function hasPurchased(userId: string, productId: number) {
  const rows = await db.execute<{ bought: boolean }>(sql`select exists (
    select 1 from orders o join order_items oi on oi.order_id = o.id
    where o.user_id = ${userId} and oi.product_id = ${productId} and o.status in (${paidStatusesSql})
  ) as bought`)
  return Boolean(rows[0]?.bought)
}

export type ModerationFilters = ModerationParams

export async function listReviewsForModeration(filters: ModerationFilters, pageSize = 20) {
  const conditions: SQL[] = []
  if (filters.rating !== null) conditions.push(eq(reviews.rating, filters.rating))
  if (filters.hidden !== 'any') conditions.push(eq(reviews.hidden, filters.hidden === 'yes'))
  if (filters.reported) conditions.push(sql`${reviews.reportCount} > 0`)
  const where = conditions.length > 0 ? and(...conditions) : undefined
  const [rows, [totals]] = await Promise.all([
    db
      .select({
        ...reviewColumns,
        hidden: reviews.hidden,
        hiddenReason: reviews.hiddenReason,
        hiddenAt: reviews.hiddenAt,
        reportCount: reviews.reportCount,
        authorEmail: users.email,
        productName: products.name,
        productSlug: products.slug,
      })
      .from(reviews)
      .innerJoin(users, eq(users.id, reviews.userId))
      .innerJoin(products, eq(products.id, reviews.productId))
      .where(where)
      .orderBy(...(filters.reported ? [desc(reviews.reportCount)] : []), desc(reviews.createdAt), desc(reviews.id))
      .limit(pageSize)
      .offset((filters.page - 1) * pageSize),
    db
      .select({ total: sql<number>`count(*)::int` })
      .from(reviews)
      .where(where),
  ])
  const total = totals?.total ?? 0
  return {
    reviews: rows.map((row) => ({
      ...toView(row),
      hidden: row.hidden,
      hiddenReason: row.hiddenReason,
      reportCount: row.reportCount,
      authorEmail: row.authorEmail,
      productName: row.productName,
      productSlug: row.productSlug,
    })),
    total,
    pageCount: Math.max(1, Math.ceil(total / pageSize)),
  }
}
