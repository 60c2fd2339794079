'use server'

import { failure } from '@/lib/action-state'
import { formAction } from '@/lib/define-action'
import { updateFeedback } from './service'
import { updateFeedbackSchema } from './validation'

export const updateFeedbackAction = formAction(
  { name: 'admin.feedback.update', access: 'admin', returnTo: '/admin/feedback', schema: updateFeedbackSchema, input: ['feedbackId', 'status', 'adminNote'] },
  async ({ feedbackId, ...change }, { caller }) => {
    if (!(await updateFeedback(caller, feedbackId, change))) return failure('That message no longer exists.')
    return { ok: true, message: 'Saved.' }
  },
)
