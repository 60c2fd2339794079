'use server'

import { randomUUID } from 'node:crypto'
import { eq } from 'drizzle-orm'
import { revalidatePath } from 'next/cache'
import { redirect } from 'next/navigation'
import { after } from 'next/server'
import { z } from 'zod'
import { db } from '@/db/client'
import { orders } from '@/db/schema'
import { type ActionState, failure, submittedValues } from '@/lib/action-state'
import { formAction } from '@/lib/define-action'
import { enqueueJob } from '@/lib/jobs/queue'
import { runDueJobs } from '@/lib/jobs/runner'
import { formatMoney } from '@/lib/money'
import { cancelUnpaidOrder } from '@/lib/orders/cancel'
import type { OrderStepDone } from './done'
import { refundableCents } from '@/lib/orders/queries'
import { correctShippingAddress, shipOrder } from '@/lib/orders/shipping'
import { shippingAddressSchema } from '@/lib/orders/validation'
import { transitionOrder } from '@/lib/orders/state-machine'
import { isPaid } from '@/lib/orders/status'
import { refundOrder } from '@/lib/payments/refunds'
import { recordAudit, recordedWithin } from '../audit'
import { checkbox, idSchema, priceSchema } from '../products/validation'

const orderIdSchema = z.object({ orderId: idSchema })

const correctAddressSchema = shippingAddressSchema.extend({ orderId: idSchema })
const addressFieldNames = Object.keys(shippingAddressSchema.shape)

const shipSchema = z.object({
  orderId: idSchema,
  carrier: z.string({ error: 'Enter the carrier (for example UPS).' }).trim().min(2, 'Enter the carrier (for example UPS).').max(60, 'Keep the carrier under 60 characters.'),
  trackingNumber: z
    .string({ error: 'Enter the tracking number.' })
    .trim()
    .min(4, 'Enter the tracking number.')
    .max(64, 'Keep the tracking number under 64 characters.')
    .regex(/^[A-Za-z0-9 -]+$/, 'A tracking number holds only letters, digits, spaces and hyphens.'),
})

const refundSchema = z.object({
  orderId: idSchema,
  amount: priceSchema.refine((cents) => cents > 0, 'Enter an amount greater than zero.'),
  restock: checkbox,
  reason: z.string().trim().max(500, 'Keep the reason under 500 characters.').optional().default(''),
  /** Absent on the first submit, which only asks the merchant to confirm the amount. */
  intent: z.enum(['confirm', 'cancel']).optional(),
})

const adminAccess = { access: 'admin', returnTo: '/admin/orders' } as const

/** The refund form's states: the usual ones, plus "confirm this amount" between the two submits. */
export type RefundFormState = ActionState<{ confirm?: { question: string; values: Record<string, string> } }>

function refreshOrder(orderId: number) {
  revalidatePath(`/admin/orders/${orderId}`)
  revalidatePath('/admin/orders')
}

/**
 * Back to the order page saying what was done: the form that was used is gone from it (the order
 * no longer offers that step), and its own message with it.
 */
function doneOnOrder(orderId: number, done: OrderStepDone): never {
  refreshOrder(orderId)
  redirect(`/admin/orders/${orderId}?done=${done}`)
}

/** Shipped with a carrier and tracking number; the shopper is emailed (through the job queue, after commit). */
export const markShippedAction = formAction(
  { ...adminAccess, name: 'admin.order.ship', schema: shipSchema, input: ['orderId', 'carrier', 'trackingNumber'] },
  async ({ orderId, carrier, trackingNumber }, { caller: admin }): Promise<ActionState> => {
    const result = await db.transaction(async (tx) => {
      const moved = await shipOrder(tx, { orderId, carrier, trackingNumber, actorUserId: admin.id })
      if (!moved.ok) return moved
      await recordAudit(tx, { actor: admin, action: 'order.ship', entityType: 'order', entityId: orderId, before: { status: moved.from }, after: { status: 'shipped', carrier, trackingNumber } })
      return moved
    })
    if (!result.ok) return failure(result.error)
    after(() => runDueJobs().catch((error) => console.error('jobs after marking an order shipped failed', { orderId, error })))
    doneOnOrder(orderId, 'shipped')
  },
)

export const markDeliveredAction = formAction({ ...adminAccess, name: 'order.deliver', schema: orderIdSchema, input: ['orderId'] }, async ({ orderId }, { caller: admin }): Promise<ActionState> => {
  const result = await db.transaction(async (tx) => {
    const moved = await transitionOrder(tx, { orderId, to: 'delivered', actor: 'admin', actorUserId: admin.id })
    if (moved.ok) await recordAudit(tx, { actor: admin, action: 'order.deliver', entityType: 'order', entityId: orderId, before: { status: moved.from }, after: { status: 'delivered' } })
    return moved
  })
  if (!result.ok) return failure(result.error)
  doneOnOrder(orderId, 'delivered')
})

/**
 * Only an unpaid order can be cancelled (its reserved stock goes back on sale, and its payment
 * page is closed at the provider); a paid one is refunded instead.
 */
export const cancelOrderAction = formAction({ ...adminAccess, name: 'order.cancel', schema: orderIdSchema, input: ['orderId'] }, async ({ orderId }, { caller: admin }): Promise<ActionState> => {
  const result = await cancelUnpaidOrder({
    orderId,
    actor: 'admin',
    actorUserId: admin.id,
    from: 'action',
    onCancelled: (tx, from) => recordAudit(tx, { actor: admin, action: 'order.cancel', entityType: 'order', entityId: orderId, before: { status: from }, after: { status: 'cancelled' } }),
  })
  if (!result.ok) return failure(result.error)
  doneOnOrder(orderId, 'cancelled')
})

/**
 * All or part of what was paid, through the payment provider; the order's status follows the
 * provider's answer. Money leaves only on the second submit: the first one checks the amount and
 * asks "Refund $X to the customer?", answered by Confirm refund or Cancel.
 */
export const refundOrderAction = formAction(
  { ...adminAccess, name: 'admin.order.refund', schema: refundSchema, input: ['orderId', 'amount', 'restock', 'reason', 'intent'] },
  async ({ orderId, amount, restock, reason, intent }, { caller: admin, formData }): Promise<RefundFormState> => {
    if (intent === 'cancel') return { ok: true, message: 'Refund cancelled: nothing was refunded.' }
    if (intent !== 'confirm') {
      const [[order], amounts] = await Promise.all([db.select({ currency: orders.currency }).from(orders).where(eq(orders.id, orderId)), refundableCents(orderId)])
      if (!order || !amounts) return failure('That order does not exist.')
      const refundable = amounts.refundableCents
      if (amount > refundable) {
        const error = refundable === 0 ? 'This order has already been refunded in full.' : `You can refund at most ${formatMoney(refundable, order.currency)}.`
        return { ok: false, error, fieldErrors: { amount: [error] }, values: submittedValues(formData) }
      }
      const note = restock ? ' The items go back in stock if this refunds the order in full.' : ''
      const question = `Refund ${formatMoney(amount, order.currency)} to the customer?${note}`
      return { ok: true, message: question, confirm: { question, values: submittedValues(formData) } }
    }
    const result = await refundOrder({
      orderId,
      amountCents: amount,
      restock,
      reason,
      actorUserId: admin.id,
      // Audited with the provider's answer, in its transaction: a refused refund is never logged as a refund.
      onSettled: (tx, { refundId, accepted }) =>
        recordAudit(tx, {
          actor: admin,
          action: accepted ? 'order.refund' : 'order.refund_refused',
          entityType: 'order',
          entityId: orderId,
          before: null,
          after: { refundId, amountCents: amount, restock, reason },
        }),
    })
    if (!result.ok) return { ok: false, error: result.error, fieldErrors: { amount: [result.error] } }
    refreshOrder(orderId)
    return { ok: true, message: 'Refund sent to the payment provider. The order updates when the provider confirms it.' }
  },
)

/**
 * Sends the order confirmation again (the shopper lost it, or typed their address wrong and it
 * bounced): the same email, through the job queue. A second click within a minute sends nothing more.
 */
export const resendConfirmationAction = formAction(
  { ...adminAccess, name: 'admin.order.resend-confirmation', schema: orderIdSchema, input: ['orderId'] },
  async ({ orderId }, { caller: admin }): Promise<ActionState> => {
    const resent = { action: 'order.resend-confirmation', entityType: 'order', entityId: orderId }
    const result = await db.transaction(async (tx) => {
      // Locked, so two clicks at once are one resend.
      const [order] = await tx.select({ status: orders.status, email: orders.email }).from(orders).where(eq(orders.id, orderId)).for('update')
      if (!order) return failure('That order does not exist.')
      if (!isPaid(order.status)) return failure('Only a paid order has a confirmation to send.')
      if (await recordedWithin(tx, resent, 60)) return { ok: true as const, message: `The confirmation went to ${order.email} again less than a minute ago.` }
      await enqueueJob(tx, { kind: 'mail.order-confirmation', payload: { orderId }, dedupeKey: `order-confirmation:${orderId}:resend:${randomUUID()}` })
      await recordAudit(tx, { ...resent, actor: admin, before: null, after: { to: order.email } })
      return { ok: true as const, message: `The confirmation is on its way to ${order.email} again.` }
    })
    if (result.ok) after(() => runDueJobs().catch((error) => console.error('jobs after resending a confirmation failed', { orderId, error })))
    return result
  },
)

/** Corrects a paid order's shipping address before it ships; the audit log keeps both. */
export const correctAddressAction = formAction(
  { ...adminAccess, name: 'admin.order.address', schema: correctAddressSchema, input: ['orderId', ...addressFieldNames] },
  async ({ orderId, ...address }, { caller: admin, formData }): Promise<ActionState> => {
    const result = await db.transaction(async (tx) => {
      const corrected = await correctShippingAddress(tx, { orderId, address, actorUserId: admin.id })
      if (corrected.ok) await recordAudit(tx, { actor: admin, action: 'order.address', entityType: 'order', entityId: orderId, before: corrected.before, after: address })
      return corrected
    })
    if (!result.ok) return failure(result.error, formData)
    refreshOrder(orderId)
    return { ok: true, message: 'Shipping address corrected.' }
  },
)
