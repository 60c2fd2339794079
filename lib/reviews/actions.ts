'use server'

import { type ActionState, failure, formObject, invalid } from '@/lib/action-state'
import { requireUser } from '@/lib/auth/session'
import { invalidateCatalog } from '@/lib/catalog/cache'
import { createReview, deleteReview, reportReview, type ReviewChange, updateReview, voteHelpful } from './service'
import { createReviewSchema, reportReviewSchema, reviewRefSchema, updateReviewSchema } from './validation'

/** Where to come back to after logging in: the product's reviews, when the form says which. */
function returnPath(formData: FormData) {
  const slug = formData.get('slug')
  return typeof slug === 'string' && /^[a-z0-9-]{1,200}$/.test(slug) ? `/products/${slug}/reviews` : '/account'
}

function settle(change: ReviewChange, message: string, formData?: FormData): ActionState {
  if (!change.ok) return failure(change.error, formData)
  invalidateCatalog({ productSlugs: [change.productSlug], from: 'action' })
  return { ok: true, message }
}

export async function createReviewAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const user = await requireUser(returnPath(formData))
  const parsed = createReviewSchema.safeParse(formObject(formData, ['productId', 'rating', 'title', 'body']))
  if (!parsed.success) return invalid(parsed.error, formData)
  const { productId, ...input } = parsed.data
  return settle(await createReview(user.id, productId, input), 'Thank you! Your review is published.', formData)
}

export async function updateReviewAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const user = await requireUser(returnPath(formData))
  const parsed = updateReviewSchema.safeParse(formObject(formData, ['reviewId', 'rating', 'title', 'body']))
  if (!parsed.success) return invalid(parsed.error, formData)
  const { reviewId, ...input } = parsed.data
  return settle(await updateReview(user.id, reviewId, input), 'Your review is updated.', formData)
}

export async function deleteReviewAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const user = await requireUser(returnPath(formData))
  const parsed = reviewRefSchema.safeParse(formObject(formData, ['reviewId']))
  if (!parsed.success) return invalid(parsed.error, formData)
  return settle(await deleteReview(user.id, parsed.data.reviewId), 'Your review is deleted.')
}

export async function voteHelpfulAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const user = await requireUser(returnPath(formData))
  const parsed = reviewRefSchema.safeParse(formObject(formData, ['reviewId']))
  if (!parsed.success) return invalid(parsed.error, formData)
  return settle(await voteHelpful(user.id, parsed.data.reviewId), 'Thanks for your vote.')
}

export async function reportReviewAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const user = await requireUser(returnPath(formData))
  const parsed = reportReviewSchema.safeParse(formObject(formData, ['reviewId', 'reason']))
  if (!parsed.success) return invalid(parsed.error, formData)
  const change = await reportReview(user.id, parsed.data.reviewId, parsed.data.reason)
  // A report changes nothing shoppers see, so no cache needs expiring.
  return change.ok ? { ok: true, message: 'Thank you. A moderator will look at this review.' } : failure(change.error)
}
