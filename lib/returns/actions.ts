'use server'

import { revalidatePath } from 'next/cache'
import { after } from 'next/server'
import { failure } from '@/lib/action-state'
import { formAction } from '@/lib/define-action'
import { runDueJobs } from '@/lib/jobs/runner'
import { orderIsVisible } from '@/lib/orders/queries'
import { returnNumber } from './notifications'
import { requestReturn } from './service'
import { returnRequestInput, returnRequestSchema } from './validation'

/**
 * A shopper (signed in, or a guest holding the order's key) asks to return items. Someone else's
 * order is "not found", never "forbidden": its existence is not revealed.
 */
export const requestReturnAction = formAction(
  { name: 'returns.request', access: 'public', schema: returnRequestSchema, input: returnRequestInput },
  async ({ orderId, key, reason, note, lines }, { caller, formData }) => {
    const mayOpen = (caller !== null && (await orderIsVisible(orderId, { userId: caller.id }))) || (key !== undefined && (await orderIsVisible(orderId, { accessKey: key })))
    if (!mayOpen) return failure('We could not find that order. Open it from your account or from the link in your order email.', formData)
    const result = await requestReturn({ orderId, reason, note, lines, actorUserId: caller?.id ?? null })
    if (!result.ok) return failure(result.error, formData)
    after(() => runDueJobs().catch((error) => console.error('jobs after a return request failed', { orderId, error })))
    revalidatePath(`/orders/${orderId}`)
    revalidatePath(`/account/orders/${orderId}`)
    return { ok: true, message: `Return ${returnNumber(result.returnId)} is requested. We emailed you a copy and will write again once we have looked at it.` }
  },
)
