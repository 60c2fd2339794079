'use server'

import { type ActionState, failure } from '@/lib/action-state'
import { invalidateProducts } from '@/lib/catalog/cache'
import { formAction } from '@/lib/define-action'
import { createReview, deleteReview, reportReview, type ReviewChange, updateReview, voteHelpful } from './service'
import { createReviewSchema, reportReviewSchema, reviewRefSchema, updateReviewSchema } from './validation'

/** Where to come back to after logging in: the product's reviews, when the form says which. */
function returnPath(formData: FormData) {
  const slug = formData.get('slug')
  return typeof slug === 'string' && /^[a-z0-9-]{1,200}$/.test(slug) ? `/products/${slug}/reviews` : '/account'
}

/** A review written, edited or deleted moves the product's rating, which its cards show; a helpful vote shows on its page only. */
function settle(change: ReviewChange, message: string, options: { formData?: FormData; ratingChanged: boolean }): ActionState {
  if (!change.ok) return failure(change.error, options.formData)
  invalidateProducts([change.productSlug], 'action', options.ratingChanged)
  return { ok: true, message }
}

const member = { access: 'user', returnTo: returnPath } as const

export const createReviewAction = formAction(
  { ...member, name: 'review.create', schema: createReviewSchema, input: ['productId', 'rating', 'title', 'body'] },
  async ({ productId, ...input }, { caller, formData }) => settle(await createReview(caller.id, productId, input), 'Thank you! Your review is published.', { formData, ratingChanged: true }),
)

export const updateReviewAction = formAction(
  { ...member, name: 'review.update', schema: updateReviewSchema, input: ['reviewId', 'rating', 'title', 'body'] },
  async ({ reviewId, ...input }, { caller, formData }) => settle(await updateReview(caller.id, reviewId, input), 'Your review is updated.', { formData, ratingChanged: true }),
)

export const deleteReviewAction = formAction({ ...member, name: 'review.delete', schema: reviewRefSchema, input: ['reviewId'] }, async ({ reviewId }, { caller }) =>
  settle(await deleteReview(caller.id, reviewId), 'Your review is deleted.', { ratingChanged: true }),
)

export const voteHelpfulAction = formAction({ ...member, name: 'review.vote-helpful', schema: reviewRefSchema, input: ['reviewId'] }, async ({ reviewId }, { caller }) =>
  settle(await voteHelpful(caller.id, reviewId), 'Thanks for your vote.', { ratingChanged: false }),
)

export const reportReviewAction = formAction({ ...member, name: 'review.report', schema: reportReviewSchema, input: ['reviewId', 'reason'] }, async ({ reviewId, reason }, { caller }) => {
  const change = await reportReview(caller.id, reviewId, reason)
  // A report changes nothing shoppers see, so no cache needs expiring.
  return change.ok ? { ok: true, message: 'Thank you. A moderator will look at this review.' } : failure(change.error)
})
