'use server'

import { failure } from '@/lib/action-state'
import { limitKeys, lockedFor, recordAttempt } from '@/lib/auth/rate-limit'
import { currentClientIp } from '@/lib/auth/request'
import { formAction } from '@/lib/define-action'
import { saveFeedback } from './service'
import { type FeedbackTopic, guestFeedbackSchema, memberFeedbackSchema } from './validation'

const tooMany = 'You have sent several messages in a short time. Please wait 15 minutes and try again.'

/** Anyone may send feedback; a signed-in shopper's is linked to the account. Rate-limited per email and IP. */
export const sendFeedbackAction = formAction(
  {
    name: 'feedback.send',
    access: 'public',
    schema: (user) => (user ? memberFeedbackSchema : guestFeedbackSchema),
    input: ['topic', 'message', 'email'],
  },
  async (parsed, { caller: user, formData }) => {
    // Members are not asked for an email: the message is linked to their account.
    const email = !user && 'email' in parsed && typeof parsed.email === 'string' ? parsed.email : null
    const input: { topic: FeedbackTopic; message: string; email: string | null } = { topic: parsed.topic, message: parsed.message, email }
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
  },
)
