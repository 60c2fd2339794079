'use server'

import { failure } from '@/lib/action-state'
import { invalidateProducts } from '@/lib/catalog/cache'
import { formAction } from '@/lib/define-action'
import { setReviewHidden } from './service'
import { hideReviewSchema, reviewRefSchema } from './validation'

const admin = { access: 'admin', returnTo: '/admin/reviews' } as const

export const hideReviewAction = formAction({ ...admin, name: 'admin.review.hide', schema: hideReviewSchema, input: ['reviewId', 'reason'] }, async ({ reviewId, reason }, { caller }) => {
  const change = await setReviewHidden(caller, reviewId, { hidden: true, reason })
  if (!change.ok) return failure(change.error)
  invalidateProducts([change.productSlug], 'action', true)
  return { ok: true, message: 'The review is hidden and no longer counts in the rating.' }
})

export const unhideReviewAction = formAction({ ...admin, name: 'admin.review.unhide', schema: reviewRefSchema, input: ['reviewId'] }, async ({ reviewId }, { caller }) => {
  const change = await setReviewHidden(caller, reviewId, { hidden: false })
  if (!change.ok) return failure(change.error)
  invalidateProducts([change.productSlug], 'action', true)
  return { ok: true, message: 'The review is visible again.' }
})
