'use server'

import { type ActionState, failure, formObject, invalid } from '@/lib/action-state'
import { limitKeys, lockedFor, recordAttempt } from '@/lib/auth/rate-limit'
import { currentClientIp } from '@/lib/auth/request'
import { getCurrentUser } from '@/lib/auth/session'
import { saveFeedback } from './service'
import { type FeedbackTopic, guestFeedbackSchema, memberFeedbackSchema } from './validation'

const tooMany = 'You have sent several messages in a short time. Please wait 15 minutes and try again.'

/** Anyone may send feedback; a signed-in shopper's is linked to the account. Rate-limited per email and IP. */
export async function sendFeedbackAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const user = await getCurrentUser()
  let input: { topic: FeedbackTopic; message: string; email: string | null }
  if (user) {
    const parsed = memberFeedbackSchema.safeParse(formObject(formData, ['topic', 'message']))
    if (!parsed.success) return invalid(parsed.error, formData)
    input = { ...parsed.data, email: null }
  } else {
    const parsed = guestFeedbackSchema.safeParse(formObject(formData, ['topic', 'message', 'email']))
    if (!parsed.success) return invalid(parsed.error, formData)
    input = parsed.data
  }
  const keys = limitKeys({ email: user ? `user-${user.id}` : (input.email ?? undefined), ip: await currentClientIp() })
  if ((await lockedFor('feedback', keys)) > 0) return failure(tooMany, formData)
  await recordAttempt('feedback', keys)
  try {
    await saveFeedback({ ...input, userId: user?.id ?? null })
  } catch (error) {
    console.error('feedback could not be saved', { userId: user?.id, error })
    return failure('We could not save your message just now. Please try again in a minute.', formData)
  }
  return { ok: true, message: 'Thank you! Your message reached us.' }
}
