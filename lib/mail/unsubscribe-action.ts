'use server'

import { z } from 'zod'
import { failure } from '@/lib/action-state'
import { formAction } from '@/lib/define-action'
import { applyUnsubscribe } from './unsubscribe'
import { readUnsubscribeToken } from './unsubscribe-token'

export const unsubscribeAction = formAction({ name: 'mail.unsubscribe', access: 'public', schema: z.object({ token: z.string().max(1000) }), input: ['token'] }, async ({ token }, { formData }) => {
  const subject = readUnsubscribeToken(token)
  if (!subject) return failure('This unsubscribe link is not valid. Use the link from the email itself.', formData)
  return { ok: true as const, message: await applyUnsubscribe(subject) }
})
