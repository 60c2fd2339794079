'use server'

import { type ActionState, failure, formObject, invalid } from '@/lib/action-state'
import { requireAdmin } from '@/lib/auth/session'
import { updateFeedback } from './service'
import { updateFeedbackSchema } from './validation'

export async function updateFeedbackAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const admin = await requireAdmin('/admin/feedback')
  const parsed = updateFeedbackSchema.safeParse(formObject(formData, ['feedbackId', 'status', 'adminNote']))
  if (!parsed.success) return invalid(parsed.error, formData)
  const { feedbackId, ...change } = parsed.data
  if (!(await updateFeedback(admin, feedbackId, change))) return failure('That message no longer exists.')
  return { ok: true, message: 'Saved.' }
}
