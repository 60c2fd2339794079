import { NextRequest } from 'next/server'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { GET as ownReviewState } from '@/app/api/reviews/mine/route'
import { sql } from '@/db/client'
import { deleteAccountAction } from '@/lib/account/actions'
import { auditEntries } from '@/lib/testing/admin'
import { createTestUser, expectFailure, expectRedirectToLogin, formData, outcomeOf, signInAs, type TestUser } from '@/lib/testing/auth'
import { cacheCalls } from '@/lib/testing/next-cache'
import { insertTestOrder, productsForSale } from '@/lib/testing/orders'
import { createReviewAction, deleteReviewAction, reportReviewAction, updateReviewAction, voteHelpfulAction } from './actions'
import { hideReviewAction, unhideReviewAction } from './moderation-actions'
import { getOwnReview, getRatingDistribution, getReviewOverview, listProductReviews } from './queries'
import { createReview } from './service'

vi.mock('next-auth', () => import('@/lib/testing/next-auth-mock'))
vi.mock('next/headers', () => import('@/lib/testing/next-headers-mock'))

// Each test takes products no other test touches.
let nextProduct = 100
async function freshProduct() {
  const [product] = await productsForSale(1, nextProduct++)
  if (!product) throw new Error('no product left')
  // Start from a product nobody has reviewed (the seeded demo reviews are removed).
  await sql`delete from reviews where product_id = ${product.id}`
  await sql`update products set rating_avg = 0, rating_count = 0 where id = ${product.id}`
  return product
}

async function productRating(productId: number) {
  const [row] = await sql<{ rating_avg: number; rating_count: number }[]>`select rating_avg, rating_count from products where id = ${productId}`
  return { average: Number(row?.rating_avg), count: Number(row?.rating_count) }
}

const review = (fields: Record<string, string>) => formData({ title: 'Solid', body: 'It does the job.', ...fields })

async function reviewAs(user: TestUser, productId: number, rating: number) {
  signInAs(user)
  const state = await createReviewAction(null, review({ productId: String(productId), rating: String(rating) }))
  expect(state).toMatchObject({ ok: true })
  const own = await getOwnReview(user.id, productId)
  if (!own) throw new Error('review not stored')
  return own.id
}

beforeEach(() => vi.spyOn(console, 'error').mockImplementation(() => {}))
afterEach(() => vi.restoreAllMocks())

describe('product rating follows every review change', () => {
  it('create, edit, delete, hide and unhide keep average, count and distribution right', async () => {
    const product = await freshProduct()
    const [ann, bob, cem, admin] = await Promise.all([createTestUser(), createTestUser(), createTestUser(), createTestUser({ role: 'admin' })])
    const annReview = await reviewAs(ann, product.id, 5)
    const bobReview = await reviewAs(bob, product.id, 3)
    await reviewAs(cem, product.id, 1)
    expect(await productRating(product.id)).toEqual({ average: 3, count: 3 })
    expect(await getRatingDistribution(product.id)).toEqual({ 1: 1, 2: 0, 3: 1, 4: 0, 5: 1 })

    signInAs(bob)
    expect(await updateReviewAction(null, review({ reviewId: String(bobReview), rating: '4', title: 'Better now' }))).toMatchObject({ ok: true })
    expect(await productRating(product.id)).toEqual({ average: 10 / 3, count: 3 })
    expect(await getRatingDistribution(product.id)).toEqual({ 1: 1, 2: 0, 3: 0, 4: 1, 5: 1 })

    signInAs(admin)
    expect(await hideReviewAction(null, formData({ reviewId: String(annReview), reason: 'Off topic' }))).toMatchObject({ ok: true })
    expect(await productRating(product.id)).toEqual({ average: 2.5, count: 2 })
    expect(await getRatingDistribution(product.id)).toEqual({ 1: 1, 2: 0, 3: 0, 4: 1, 5: 0 })
    const listed = await listProductReviews(product.id, { sort: 'newest', page: 1, viewerId: null })
    expect(listed.total).toBe(2)
    expect(listed.reviews.map((r) => r.id)).not.toContain(annReview)
    expect((await getReviewOverview(product.id, product.slug)).latest.map((r) => r.id)).not.toContain(annReview)

    expect(await unhideReviewAction(null, formData({ reviewId: String(annReview) }))).toMatchObject({ ok: true })
    expect(await productRating(product.id)).toEqual({ average: 10 / 3, count: 3 })
    // Moderation is audited: who hid it, why, and who showed it again.
    expect(await auditEntries('review', annReview)).toEqual([
      { action: 'review.hide', actor_email: admin.email, before: { hidden: false, hiddenReason: null }, after: { hidden: true, hiddenReason: 'Off topic' } },
      { action: 'review.unhide', actor_email: admin.email, before: { hidden: true, hiddenReason: 'Off topic' }, after: { hidden: false, hiddenReason: null } },
    ])

    signInAs(bob)
    expect(await deleteReviewAction(null, formData({ reviewId: String(bobReview) }))).toMatchObject({ ok: true })
    expect(await productRating(product.id)).toEqual({ average: 3, count: 2 })
    expect((await getReviewOverview(product.id, product.slug)).distribution).toEqual({ 1: 1, 2: 0, 3: 0, 4: 0, 5: 1 })
  })

  it('stays right when many shoppers review one product at the same time', async () => {
    const product = await freshProduct()
    const shoppers = await Promise.all(Array.from({ length: 8 }, () => createTestUser()))
    const ratings = [5, 4, 3, 2, 1, 5, 4, 4]
    const results = await Promise.all(shoppers.map((shopper, index) => createReview(shopper.id, product.id, { rating: ratings[index] ?? 5, title: 'Concurrent', body: 'At once.' })))
    expect(results.every((result) => result.ok)).toBe(true)
    const expected = ratings.reduce((sum, rating) => sum + rating, 0) / ratings.length
    const rating = await productRating(product.id)
    expect(rating.count).toBe(8)
    expect(rating.average).toBeCloseTo(expected, 10)
    expect(await getRatingDistribution(product.id)).toEqual({ 1: 1, 2: 1, 3: 1, 4: 3, 5: 2 })
  })
})

describe('review rules', () => {
  it('refuses bad ratings, over-long text and a second review, storing nothing wrong', async () => {
    const product = await freshProduct()
    const shopper = await createTestUser()
    signInAs(shopper)
    for (const rating of ['0', '6', '3.5', 'five', '']) {
      const state = expectFailure(await createReviewAction(null, review({ productId: String(product.id), rating })))
      expect(state.fieldErrors?.rating?.[0]).toBe('Choose a rating from 1 to 5 stars.')
    }
    const huge = expectFailure(await createReviewAction(null, review({ productId: String(product.id), rating: '4', body: 'x'.repeat(1024 * 1024) })))
    expect(huge.fieldErrors?.body?.[0]).toMatch(/4000 characters/)
    expect(await getOwnReview(shopper.id, product.id)).toBeNull()

    const script = '<script>alert("x")</script><b>bold</b>'
    expect(await createReviewAction(null, review({ productId: String(product.id), rating: '4', body: script }))).toMatchObject({ ok: true })
    expect((await getOwnReview(shopper.id, product.id))?.body).toBe(script)
    const second = expectFailure(await createReviewAction(null, review({ productId: String(product.id), rating: '1' })))
    expect(second.error).toMatch(/already reviewed/)
    expect(await productRating(product.id)).toEqual({ average: 4, count: 1 })
    expect(await getOwnReview(shopper.id, 999_999_999)).toBeNull()
    expectFailure(await createReviewAction(null, review({ productId: '999999999', rating: '4' })))
  })

  it('a guest is sent to log in; nobody edits or deletes another shopper’s review', async () => {
    const product = await freshProduct()
    signInAs(null)
    await expectRedirectToLogin(createReviewAction(null, review({ productId: String(product.id), rating: '5', slug: product.slug })))
    const [owner, intruder] = await Promise.all([createTestUser(), createTestUser()])
    const reviewId = await reviewAs(owner, product.id, 5)
    signInAs(intruder)
    expectFailure(await updateReviewAction(null, review({ reviewId: String(reviewId), rating: '1' })))
    expectFailure(await deleteReviewAction(null, formData({ reviewId: String(reviewId) })))
    expect(await getOwnReview(owner.id, product.id)).toMatchObject({ rating: 5, title: 'Solid' })
    expect(await productRating(product.id)).toEqual({ average: 5, count: 1 })
    // A customer cannot moderate.
    expect(await outcomeOf(hideReviewAction(null, formData({ reviewId: String(reviewId), reason: 'x' })))).toEqual({ kind: 'forbidden' })
  })

  it('one helpful vote and one report per shopper; never on one’s own review', async () => {
    const product = await freshProduct()
    const [author, voter] = await Promise.all([createTestUser(), createTestUser()])
    const reviewId = await reviewAs(author, product.id, 4)
    signInAs(voter)
    expect(await voteHelpfulAction(null, formData({ reviewId: String(reviewId) }))).toMatchObject({ ok: true })
    expect(expectFailure(await voteHelpfulAction(null, formData({ reviewId: String(reviewId) }))).error).toMatch(/already/)
    await Promise.all([1, 2, 3].map(() => voteHelpfulAction(null, formData({ reviewId: String(reviewId) }))))
    expect(await reportReviewAction(null, formData({ reviewId: String(reviewId), reason: 'Spam' }))).toMatchObject({ ok: true })
    expectFailure(await reportReviewAction(null, formData({ reviewId: String(reviewId) })))
    const [row] = await sql<{ helpful_count: number; report_count: number }[]>`select helpful_count, report_count from reviews where id = ${reviewId}`
    expect(row).toEqual({ helpful_count: 1, report_count: 1 })
    const page = await listProductReviews(product.id, { sort: 'helpful', page: 1, viewerId: voter.id })
    expect(page.reviews[0]).toMatchObject({ id: reviewId, helpfulCount: 1, votedByViewer: true, reportedByViewer: true, mine: false })

    signInAs(author)
    expect(expectFailure(await voteHelpfulAction(null, formData({ reviewId: String(reviewId) }))).error).toMatch(/own review/)
  })
})

describe('what a review change expires in the cache', () => {
  it('the product’s page and, when its rating moves, the cached lists of cards; never the rest of the catalog', async () => {
    const product = await freshProduct()
    const [author, voter, admin] = await Promise.all([createTestUser(), createTestUser(), createTestUser({ role: 'admin' })])
    const expiredBy = async (change: () => Promise<unknown>) => {
      cacheCalls.expired.length = 0
      expect(await change()).toMatchObject({ ok: true })
      return cacheCalls.expired.toSorted()
    }
    const page = `catalog:product:${product.slug}`

    signInAs(author)
    expect(await expiredBy(() => createReviewAction(null, review({ productId: String(product.id), rating: '4' })))).toEqual(['catalog:cards', page])
    const reviewId = (await getOwnReview(author.id, product.id))?.id ?? 0
    expect(await expiredBy(() => updateReviewAction(null, review({ reviewId: String(reviewId), rating: '2' })))).toEqual(['catalog:cards', page])
    signInAs(voter)
    // A helpful vote shows beside the review on the product's page; no card shows it.
    expect(await expiredBy(() => voteHelpfulAction(null, formData({ reviewId: String(reviewId) })))).toEqual([page])
    expect(await expiredBy(() => reportReviewAction(null, formData({ reviewId: String(reviewId), reason: 'Spam' })))).toEqual([])
    signInAs(admin)
    expect(await expiredBy(() => hideReviewAction(null, formData({ reviewId: String(reviewId), reason: 'Off topic' })))).toEqual(['catalog:cards', page])
    expect(await expiredBy(() => unhideReviewAction(null, formData({ reviewId: String(reviewId) })))).toEqual(['catalog:cards', page])
    signInAs(author)
    expect(await expiredBy(() => deleteReviewAction(null, formData({ reviewId: String(reviewId) })))).toEqual(['catalog:cards', page])
  })
})

describe('"Edit your review" on the product page', () => {
  it('is offered only to the shopper who reviewed the product', async () => {
    const product = await freshProduct()
    const [author, other] = await Promise.all([createTestUser(), createTestUser()])
    const reviewed = async (productId: string) => {
      const response = await ownReviewState(new NextRequest(`http://localhost/api/reviews/mine?product=${productId}`))
      expect(response.headers.get('cache-control')).toContain('no-store')
      return ((await response.json()) as { reviewed: boolean }).reviewed
    }
    signInAs(author)
    expect(await reviewed(String(product.id))).toBe(false)
    await reviewAs(author, product.id, 4)
    expect(await reviewed(String(product.id))).toBe(true)
    expect(await reviewed('not-a-number')).toBe(false)
    signInAs(other)
    expect(await reviewed(String(product.id))).toBe(false)
    signInAs(null)
    expect(await reviewed(String(product.id))).toBe(false)
  })
})

describe('verified purchase', () => {
  it('shows only when the author has a paid order containing the product', async () => {
    const product = await freshProduct()
    const [other] = await productsForSale(1, 150)
    const [buyer, pendingBuyer, cancelledBuyer, otherBuyer, stranger] = await Promise.all([createTestUser(), createTestUser(), createTestUser(), createTestUser(), createTestUser()])
    await insertTestOrder({ userId: buyer.id, productIds: [product.id], status: 'delivered' })
    await insertTestOrder({ userId: pendingBuyer.id, productIds: [product.id], status: 'pending' })
    await insertTestOrder({ userId: cancelledBuyer.id, productIds: [product.id], status: 'cancelled' })
    await insertTestOrder({ userId: otherBuyer.id, productIds: [other?.id ?? 1], status: 'paid' })
    for (const user of [buyer, pendingBuyer, cancelledBuyer, otherBuyer, stranger]) await reviewAs(user, product.id, 4)
    const page = await listProductReviews(product.id, { sort: 'newest', page: 1, viewerId: null })
    const verified = new Map(page.reviews.map((r) => [r.id, r.verified]))
    const idOf = async (user: TestUser) => (await getOwnReview(user.id, product.id))?.id ?? 0
    expect(verified.get(await idOf(buyer))).toBe(true)
    for (const user of [pendingBuyer, cancelledBuyer, otherBuyer, stranger]) expect(verified.get(await idOf(user))).toBe(false)
  })
})

describe('account deletion', () => {
  it('takes the shopper’s reviews, votes and reports out of ratings and counts', async () => {
    const product = await freshProduct()
    const [leaving, staying] = await Promise.all([createTestUser(), createTestUser()])
    await reviewAs(leaving, product.id, 1)
    const stayingReview = await reviewAs(staying, product.id, 5)
    signInAs(leaving)
    await voteHelpfulAction(null, formData({ reviewId: String(stayingReview) }))
    await reportReviewAction(null, formData({ reviewId: String(stayingReview) }))
    expect(await productRating(product.id)).toEqual({ average: 3, count: 2 })

    const outcome = await outcomeOf(deleteAccountAction(null, formData({ currentPassword: leaving.password ?? '', confirm: 'DELETE' })))
    expect(outcome).toEqual({ kind: 'redirect', url: '/?account=deleted' })
    expect(await productRating(product.id)).toEqual({ average: 5, count: 1 })
    const [row] = await sql<{ helpful_count: number; report_count: number }[]>`select helpful_count, report_count from reviews where id = ${stayingReview}`
    expect(row).toEqual({ helpful_count: 0, report_count: 0 })
  })
})
