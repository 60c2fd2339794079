'use client'

import { useActionState, useId } from 'react'
import { FormMessage, SelectField, SubmitButton } from '@/components/ui/form'
import { updateFeedbackAction } from '@/lib/feedback/admin-actions'
import { type FeedbackStatus, feedbackStatuses, feedbackStatusLabels } from '@/lib/feedback/validation'

const statusOptions = feedbackStatuses.map((status) => [status, feedbackStatusLabels[status]] as const)

/** Status and the merchant's notes for one feedback message. */
export function FeedbackTriage({ feedbackId, status, adminNote }: { feedbackId: number; status: FeedbackStatus; adminNote: string }) {
  const [state, formAction] = useActionState(updateFeedbackAction, null)
  const noteId = useId()
  return (
    <form action={formAction} className="flex flex-col gap-3">
      <input type="hidden" name="feedbackId" value={feedbackId} />
      <SelectField label="Status" name="status" state={state} options={statusOptions} defaultValue={status} />
      <div className="flex flex-col gap-1.5">
        <label htmlFor={noteId} className="text-sm font-medium text-zinc-900">
          Notes
        </label>
        <textarea
          id={noteId}
          name="adminNote"
          rows={2}
          maxLength={5000}
          defaultValue={adminNote}
          className="w-full rounded-xl border border-zinc-300 bg-white px-3 py-2 text-sm text-zinc-900 focus:border-brand-600 focus:outline-none"
        />
      </div>
      <FormMessage state={state} />
      <div>
        <SubmitButton size="sm" pendingLabel="Saving…">
          Save
        </SubmitButton>
      </div>
    </form>
  )
}
