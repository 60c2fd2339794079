'use client'

import { useActionState } from 'react'
import { FormMessage, SubmitButton } from '@/components/ui/form'
import type { ActionState } from '@/lib/action-state'
import { retryJobAction } from '@/lib/jobs/actions'

export function RetryJobButton({ jobId }: { jobId: number }) {
  const [state, action] = useActionState<ActionState, FormData>(retryJobAction, null)
  return (
    <form action={action} className="flex flex-col gap-2">
      <input type="hidden" name="jobId" value={jobId} />
      <FormMessage state={state} />
      {!state?.ok && (
        <div>
          <SubmitButton pendingLabel="Retrying…" variant="secondary" size="sm">
            Retry job {jobId}
          </SubmitButton>
        </div>
      )}
    </form>
  )
}
