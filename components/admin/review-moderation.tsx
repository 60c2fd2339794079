'use client'

import { useActionState } from 'react'
import { FormMessage, SubmitButton, TextField } from '@/components/ui/form'
import { hideReviewAction, unhideReviewAction } from '@/lib/reviews/moderation-actions'

/** Hide a review with a reason, or show it again. */
export function ReviewModeration({ reviewId, hidden, context }: { reviewId: number; hidden: boolean; context: string }) {
  const [hideState, hide] = useActionState(hideReviewAction, null)
  const [unhideState, unhide] = useActionState(unhideReviewAction, null)
  if (hidden) {
    return (
      <form action={unhide} className="flex flex-col gap-2">
        <input type="hidden" name="reviewId" value={reviewId} />
        {/* Just hidden: the page re-rendered with this form, so the confirmation shows here. */}
        {hideState?.ok && <FormMessage state={hideState} />}
        <FormMessage state={unhideState} />
        <div>
          <SubmitButton variant="secondary" size="sm" pendingLabel="Showing…">
            Unhide<span className="sr-only"> {context}</span>
          </SubmitButton>
        </div>
      </form>
    )
  }
  return (
    <form action={hide} className="flex flex-col gap-2">
      <input type="hidden" name="reviewId" value={reviewId} />
      <TextField label="Reason for hiding" name="reason" state={hideState} maxLength={500} required />
      {unhideState?.ok && <FormMessage state={unhideState} />}
      <FormMessage state={hideState} />
      <div>
        <SubmitButton variant="danger" size="sm" pendingLabel="Hiding…">
          Hide<span className="sr-only"> {context}</span>
        </SubmitButton>
      </div>
    </form>
  )
}
