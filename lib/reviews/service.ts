import 'server-only'
import { and, eq, sql } from 'drizzle-orm'
import { db } from '@/db/client'
import { products, reviewReports, reviews, reviewVotes } from '@/db/schema'
import { recordAudit } from '@/lib/admin/audit'
import type { AccountUser } from '@/lib/auth/users'
import type { ReviewInput } from './validation'

type Transaction = Parameters<Parameters<typeof db.transaction>[0]>[0]

export type ReviewChange = { ok: true; productSlug: string; reviewId: number } | { ok: false; error: string }

/**
 * Locks the product row so review changes on one product run one after another, then lets
 * `change` write. Returns null when the product does not exist (or is not for sale when
 * `activeOnly`).
 */
async function lockProduct(tx: Transaction, productId: number, activeOnly = false) {
  const [product] = await tx.select({ id: products.id, slug: products.slug, active: products.active }).from(products).where(eq(products.id, productId)).for('update')
  if (!product || (activeOnly && !product.active)) return null
  return product
}

/** The product's average and count, from its visible reviews only; run after every review change, in its transaction. */
export async function recomputeProductRating(tx: Transaction, productId: number) {
  await tx.execute(sql`
    update products p set
      rating_avg = coalesce(r.avg, 0),
      rating_count = r.count
    from (
      select avg(rating)::float8 as avg, count(*)::int as count
      from reviews where product_id = ${productId} and not hidden
    ) r
    where p.id = ${productId}`)
}

export async function createReview(userId: string, productId: number, input: ReviewInput): Promise<ReviewChange> {
  return db.transaction(async (tx) => {
    const product = await lockProduct(tx, productId, true)
    if (!product) return { ok: false, error: 'That product is no longer available.' }
    const [row] = await tx
      .insert(reviews)
      .values({ productId, userId, rating: input.rating, title: input.title, body: input.body })
      .onConflictDoNothing({ target: [reviews.productId, reviews.userId] })
      .returning({ id: reviews.id })
    if (!row) return { ok: false, error: 'You have already reviewed this product. Edit your review instead.' }
    await recomputeProductRating(tx, productId)
    return { ok: true, productSlug: product.slug, reviewId: row.id }
  })
}

/** The author's own review, read without a lock to learn which product to lock. */
async function ownReviewProduct(userId: string, reviewId: number) {
  const [row] = await db
    .select({ productId: reviews.productId })
    .from(reviews)
    .where(and(eq(reviews.id, reviewId), eq(reviews.userId, userId)))
  return row?.productId ?? null
}

export async function updateReview(userId: string, reviewId: number, input: ReviewInput): Promise<ReviewChange> {
  const productId = await ownReviewProduct(userId, reviewId)
  if (productId === null) return { ok: false, error: 'That review no longer exists, or it is not yours.' }
  return db.transaction(async (tx) => {
    const product = await lockProduct(tx, productId)
    if (!product) return { ok: false, error: 'That product is no longer available.' }
    const [row] = await tx
      .update(reviews)
      .set({ rating: input.rating, title: input.title, body: input.body })
      .where(and(eq(reviews.id, reviewId), eq(reviews.userId, userId)))
      .returning({ id: reviews.id })
    if (!row) return { ok: false, error: 'That review no longer exists, or it is not yours.' }
    await recomputeProductRating(tx, productId)
    return { ok: true, productSlug: product.slug, reviewId }
  })
}

export async function deleteReview(userId: string, reviewId: number): Promise<ReviewChange> {
  const productId = await ownReviewProduct(userId, reviewId)
  if (productId === null) return { ok: false, error: 'That review no longer exists, or it is not yours.' }
  return db.transaction(async (tx) => {
    const product = await lockProduct(tx, productId)
    if (!product) return { ok: false, error: 'That product is no longer available.' }
    const [row] = await tx
      .delete(reviews)
      .where(and(eq(reviews.id, reviewId), eq(reviews.userId, userId)))
      .returning({ id: reviews.id })
    if (!row) return { ok: false, error: 'That review no longer exists, or it is not yours.' }
    await recomputeProductRating(tx, productId)
    return { ok: true, productSlug: product.slug, reviewId }
  })
}

/**
 * Moderation: a hidden review counts nowhere (average, count, distribution, lists, JSON-LD). The
 * change is written to the audit log in its own transaction.
 */
export async function setReviewHidden(admin: Pick<AccountUser, 'id' | 'email'>, reviewId: number, change: { hidden: true; reason: string } | { hidden: false }): Promise<ReviewChange> {
  const [review] = await db.select({ productId: reviews.productId }).from(reviews).where(eq(reviews.id, reviewId))
  if (!review) return { ok: false, error: 'That review no longer exists.' }
  return db.transaction(async (tx) => {
    const product = await lockProduct(tx, review.productId)
    if (!product) return { ok: false, error: 'That product no longer exists.' }
    const [before] = await tx.select({ hidden: reviews.hidden, hiddenReason: reviews.hiddenReason }).from(reviews).where(eq(reviews.id, reviewId))
    if (!before) return { ok: false, error: 'That review no longer exists.' }
    const values = change.hidden ? { hidden: true, hiddenReason: change.reason, hiddenBy: admin.id, hiddenAt: new Date() } : { hidden: false, hiddenReason: null, hiddenBy: null, hiddenAt: null }
    const [row] = await tx.update(reviews).set(values).where(eq(reviews.id, reviewId)).returning({ id: reviews.id })
    if (!row) return { ok: false, error: 'That review no longer exists.' }
    await recomputeProductRating(tx, review.productId)
    await recordAudit(tx, {
      actor: admin,
      action: change.hidden ? 'review.hide' : 'review.unhide',
      entityType: 'review',
      entityId: reviewId,
      before,
      after: { hidden: values.hidden, hiddenReason: values.hiddenReason },
    })
    return { ok: true, productSlug: product.slug, reviewId }
  })
}

async function visibleReview(tx: Transaction, reviewId: number) {
  const [review] = await tx
    .select({ id: reviews.id, userId: reviews.userId, productSlug: products.slug })
    .from(reviews)
    .innerJoin(products, eq(products.id, reviews.productId))
    .where(and(eq(reviews.id, reviewId), eq(reviews.hidden, false)))
  return review ?? null
}

/** One "helpful" vote per shopper and review; never on one's own review. */
export async function voteHelpful(userId: string, reviewId: number): Promise<ReviewChange> {
  return db.transaction(async (tx) => {
    const review = await visibleReview(tx, reviewId)
    if (!review) return { ok: false, error: 'That review no longer exists.' }
    if (review.userId === userId) return { ok: false, error: 'You cannot vote for your own review.' }
    const [vote] = await tx.insert(reviewVotes).values({ reviewId, userId }).onConflictDoNothing().returning({ reviewId: reviewVotes.reviewId })
    if (!vote) return { ok: false, error: 'You already found this review helpful.' }
    await tx
      .update(reviews)
      .set({ helpfulCount: sql`${reviews.helpfulCount} + 1`, updatedAt: sql`${reviews.updatedAt}` })
      .where(eq(reviews.id, reviewId))
    return { ok: true, productSlug: review.productSlug, reviewId }
  })
}

/** A shopper reports a review to the moderators once. */
export async function reportReview(userId: string, reviewId: number, reason: string): Promise<ReviewChange> {
  return db.transaction(async (tx) => {
    const review = await visibleReview(tx, reviewId)
    if (!review) return { ok: false, error: 'That review no longer exists.' }
    if (review.userId === userId) return { ok: false, error: 'You cannot report your own review.' }
    const [report] = await tx.insert(reviewReports).values({ reviewId, userId, reason }).onConflictDoNothing().returning({ reviewId: reviewReports.reviewId })
    if (!report) return { ok: false, error: 'You already reported this review. Thank you.' }
    await tx
      .update(reviews)
      .set({ reportCount: sql`${reviews.reportCount} + 1`, updatedAt: sql`${reviews.updatedAt}` })
      .where(eq(reviews.id, reviewId))
    return { ok: true, productSlug: review.productSlug, reviewId }
  })
}
