'use server'

import { type ActionState, failure, formObject, invalid } from '@/lib/action-state'
import { requireAdmin } from '@/lib/auth/session'
import { invalidateCatalog } from '@/lib/catalog/cache'
import { setReviewHidden } from './service'
import { hideReviewSchema, reviewRefSchema } from './validation'

export async function hideReviewAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const admin = await requireAdmin('/admin/reviews')
  const parsed = hideReviewSchema.safeParse(formObject(formData, ['reviewId', 'reason']))
  if (!parsed.success) return invalid(parsed.error, formData)
  const change = await setReviewHidden(admin, parsed.data.reviewId, { hidden: true, reason: parsed.data.reason })
  if (!change.ok) return failure(change.error)
  invalidateCatalog({ productSlugs: [change.productSlug], from: 'action' })
  return { ok: true, message: 'The review is hidden and no longer counts in the rating.' }
}

export async function unhideReviewAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const admin = await requireAdmin('/admin/reviews')
  const parsed = reviewRefSchema.safeParse(formObject(formData, ['reviewId']))
  if (!parsed.success) return invalid(parsed.error, formData)
  const change = await setReviewHidden(admin, parsed.data.reviewId, { hidden: false })
  if (!change.ok) return failure(change.error)
  invalidateCatalog({ productSlugs: [change.productSlug], from: 'action' })
  return { ok: true, message: 'The review is visible again.' }
}
