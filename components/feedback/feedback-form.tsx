'use client'

import { useActionState, useId } from 'react'
import { fieldError, FormMessage, keptValue, SelectField, SubmitButton, TextField } from '@/components/ui/form'
import { sendFeedbackAction } from '@/lib/feedback/actions'
import { FEEDBACK_MESSAGE_MAX, feedbackTopicLabels, feedbackTopics } from '@/lib/feedback/validation'

const topicOptions = feedbackTopics.map((topic) => [topic, feedbackTopicLabels[topic]] as const)

/** Anyone can send feedback; guests leave an email so we can reply. */
export function FeedbackForm({ signedInAs }: { signedInAs: string | null }) {
  const [state, formAction] = useActionState(sendFeedbackAction, null)
  const id = useId()
  const error = fieldError(state, 'message')
  if (state?.ok) return <FormMessage state={state} />
  return (
    <form action={formAction} className="flex flex-col gap-4">
      <SelectField label="Topic" name="topic" state={state} options={topicOptions} placeholder="Choose a topic" />
      <div className="flex flex-col gap-1.5">
        <label htmlFor={id} className="text-sm font-medium text-zinc-900">
          Message
        </label>
        <textarea
          id={id}
          name="message"
          rows={6}
          required
          maxLength={FEEDBACK_MESSAGE_MAX}
          defaultValue={keptValue(state, 'message')}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          className="w-full rounded-xl border border-zinc-300 bg-white px-3 py-2 text-base text-zinc-900 focus:border-brand-600 focus:outline-none aria-[invalid=true]:border-red-600 sm:text-sm"
        />
        {error && (
          <p id={`${id}-error`} className="text-sm text-red-700">
            {error}
          </p>
        )}
      </div>
      {signedInAs ? (
        <p className="text-sm text-zinc-700">
          We will reply to <span className="font-medium text-zinc-900">{signedInAs}</span>, the email of your account.
        </p>
      ) : (
        <TextField label="Email" name="email" type="email" autoComplete="email" required state={state} hint="So we can reply. We never share it." />
      )}
      <FormMessage state={state} />
      <div>
        <SubmitButton pendingLabel="Sending…">Send feedback</SubmitButton>
      </div>
    </form>
  )
}
