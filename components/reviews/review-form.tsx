'use client'

import { useActionState, useId } from 'react'
import { fieldError, FormMessage, keptValue, SubmitButton, TextField } from '@/components/ui/form'
import type { ActionState } from '@/lib/action-state'
import { createReviewAction, deleteReviewAction, updateReviewAction } from '@/lib/reviews/actions'
import { REVIEW_BODY_MAX, REVIEW_TITLE_MAX } from '@/lib/reviews/validation'
import { pluralize } from '@/lib/plural'

type OwnReview = { id: number; rating: number; title: string; body: string }

function RatingField({ state, defaultValue }: { state: ActionState; defaultValue?: number }) {
  const id = useId()
  const error = fieldError(state, 'rating')
  const kept = keptValue(state, 'rating') ?? (defaultValue ? String(defaultValue) : undefined)
  return (
    <fieldset className="flex flex-col gap-1.5" aria-describedby={error ? `${id}-error` : undefined}>
      <legend className="text-sm font-medium text-zinc-900">Rating</legend>
      <div className="flex flex-wrap gap-3">
        {[1, 2, 3, 4, 5].map((stars) => (
          <label key={stars} className="flex items-center gap-1.5 text-sm text-zinc-900">
            <input type="radio" name="rating" value={stars} defaultChecked={kept === String(stars)} required className="size-4 accent-brand-700" />
            {pluralize(stars, 'star')}
          </label>
        ))}
      </div>
      {error && (
        <p id={`${id}-error`} className="text-sm text-red-700">
          {error}
        </p>
      )}
    </fieldset>
  )
}

function BodyField({ state, defaultValue }: { state: ActionState; defaultValue?: string }) {
  const id = useId()
  const error = fieldError(state, 'body')
  return (
    <div className="flex flex-col gap-1.5">
      <label htmlFor={id} className="text-sm font-medium text-zinc-900">
        Your review
      </label>
      <textarea
        id={id}
        name="body"
        rows={5}
        required
        maxLength={REVIEW_BODY_MAX}
        defaultValue={keptValue(state, 'body') ?? defaultValue}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : `${id}-hint`}
        className="w-full rounded-xl border border-zinc-300 bg-white px-3 py-2 text-base text-zinc-900 focus:border-brand-600 focus:outline-none aria-[invalid=true]:border-red-600 sm:text-sm"
      />
      {error ? (
        <p id={`${id}-error`} className="text-sm text-red-700">
          {error}
        </p>
      ) : (
        <p id={`${id}-hint`} className="text-sm text-zinc-600">
          Plain text, up to {REVIEW_BODY_MAX} characters.
        </p>
      )}
    </div>
  )
}

/** Write a review, or edit and delete one's own. */
export function ReviewForm({ productId, slug, own }: { productId: number; slug: string; own: OwnReview | null }) {
  const [state, formAction] = useActionState(own ? updateReviewAction : createReviewAction, null)
  const [deleteState, deleteAction] = useActionState(deleteReviewAction, null)
  // After a successful save the form is re-keyed so it shows the stored review.
  return (
    <div className="flex flex-col gap-4">
      {/* Once deleted, the delete form is gone: its confirmation shows here. */}
      {deleteState?.ok && <FormMessage state={deleteState} />}
      <form action={formAction} className="flex flex-col gap-4" key={own ? `${own.id}-${own.rating}-${own.title}` : 'new'}>
        <input type="hidden" name="slug" value={slug} />
        {own ? <input type="hidden" name="reviewId" value={own.id} /> : <input type="hidden" name="productId" value={productId} />}
        <RatingField state={state} defaultValue={own?.rating} />
        <TextField label="Title" name="title" state={state} defaultValue={own?.title} required maxLength={REVIEW_TITLE_MAX} />
        <BodyField state={state} defaultValue={own?.body} />
        <FormMessage state={state} />
        <div>
          <SubmitButton pendingLabel="Saving…">{own ? 'Update your review' : 'Post your review'}</SubmitButton>
        </div>
      </form>
      {own && (
        <form action={deleteAction} className="flex flex-col gap-2">
          <input type="hidden" name="slug" value={slug} />
          <input type="hidden" name="reviewId" value={own.id} />
          {deleteState?.ok === false && <FormMessage state={deleteState} />}
          <div>
            <SubmitButton variant="danger" size="sm" pendingLabel="Deleting…">
              Delete your review
            </SubmitButton>
          </div>
        </form>
      )}
    </div>
  )
}
