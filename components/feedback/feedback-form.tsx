'use client'

import { useActionState } from 'react'
import { FormMessage, SelectField, SubmitButton, TextAreaField, TextField } from '@/components/ui/form'
import { sendFeedbackAction } from '@/lib/feedback/actions'
import { FEEDBACK_MESSAGE_MAX, feedbackTopicLabels, feedbackTopics } from '@/lib/feedback/validation'

const topicOptions = feedbackTopics.map((topic) => [topic, feedbackTopicLabels[topic]] as const)

/** Anyone can send feedback; guests leave an email so we can reply. */
export function FeedbackForm({ signedInAs }: { signedInAs: string | null }) {
  const [state, formAction] = useActionState(sendFeedbackAction, null)
  if (state?.ok) return <FormMessage state={state} />
  return (
    <form action={formAction} className="flex flex-col gap-4">
      <SelectField label="Topic" name="topic" state={state} options={topicOptions} placeholder="Choose a topic" />
      <TextAreaField label="Message" name="message" rows={6} required maxLength={FEEDBACK_MESSAGE_MAX} state={state} />
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
