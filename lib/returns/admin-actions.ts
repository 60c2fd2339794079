'use server'

import { revalidatePath } from 'next/cache'
import { after } from 'next/server'
import { db } from '@/db/client'
import { type ActionState, failure } from '@/lib/action-state'
import { recordAudit } from '@/lib/admin/audit'
import { invalidateProducts } from '@/lib/catalog/cache'
import { formAction } from '@/lib/define-action'
import { runDueJobs } from '@/lib/jobs/runner'
import { formatMoney } from '@/lib/money'
import { pluralize } from '@/lib/plural'
import { returnNumber } from './notifications'
import { closeReturn, receiveReturn, refundReturn, transitionReturn } from './service'
import { returnCloseSchema, returnDecisionSchema, returnReceiveInput, returnReceiveSchema, returnRefundSchema } from './validation'

const adminAccess = { access: 'admin', returnTo: '/admin/returns' } as const

function afterStep(returnId: number, orderId: number) {
  after(() => runDueJobs().catch((error) => console.error('jobs after a return step failed', { returnId, error })))
  revalidatePath(`/admin/returns/${returnId}`)
  revalidatePath('/admin/returns')
  revalidatePath(`/admin/orders/${orderId}`)
}

/** Approve (the shopper may send the items) or reject (with a reason the shopper reads). */
export const decideReturnAction = formAction(
  { ...adminAccess, name: 'admin.return.decide', schema: returnDecisionSchema, input: ['returnId', 'decision', 'message'] },
  async ({ returnId, decision, message }, { caller: admin }): Promise<ActionState> => {
    const to = decision === 'approve' ? 'approved' : 'rejected'
    const result = await db.transaction(async (tx) => {
      const moved = await transitionReturn(tx, { returnId, to, actor: 'admin', actorUserId: admin.id, merchantMessage: message })
      if (moved.ok) await recordAudit(tx, { actor: admin, action: `return.${decision}`, entityType: 'return', entityId: returnId, before: { status: moved.from }, after: { status: to, message } })
      return moved
    })
    if (!result.ok) return failure(result.error)
    afterStep(returnId, result.orderId)
    return { ok: true, message: `Return ${returnNumber(returnId)} is ${to}; the shopper is emailed.` }
  },
)

/** The items arrived; each goes back in stock or not. */
export const receiveReturnAction = formAction(
  { ...adminAccess, name: 'admin.return.receive', schema: returnReceiveSchema, input: returnReceiveInput },
  async ({ returnId, restockItemIds }, { caller: admin }): Promise<ActionState> => {
    const result = await db.transaction(async (tx) => {
      const received = await receiveReturn(tx, { returnId, restockItemIds, actorUserId: admin.id })
      if (received.ok) {
        await recordAudit(tx, {
          actor: admin,
          action: 'return.receive',
          entityType: 'return',
          entityId: returnId,
          before: { status: received.from },
          after: { status: 'received', restockItemIds, restocked: received.restockedQuantity },
        })
      }
      return received
    })
    if (!result.ok) return failure(result.error)
    if (result.restocked.slugs.length > 0) invalidateProducts(result.restocked.slugs, 'action', result.restocked.backOnSale)
    afterStep(returnId, result.orderId)
    if (result.stockAlreadyBack) return { ok: true, message: 'Items received. Nothing was put back in stock again: the order’s items went back when it was refunded in full.' }
    return { ok: true, message: result.restockedQuantity > 0 ? `Items received; ${pluralize(result.restockedQuantity, 'item')} back in stock.` : 'Items received; nothing was put back in stock.' }
  },
)

/** Refunds the returned lines through the refund service; the merchant may lower the amount, never raise it. */
export const refundReturnAction = formAction(
  { ...adminAccess, name: 'admin.return.refund', schema: returnRefundSchema, input: ['returnId', 'amount'] },
  async ({ returnId, amount }, { caller: admin }): Promise<ActionState> => {
    const result = await refundReturn({
      returnId,
      amountCents: amount,
      actorUserId: admin.id,
      // Audited with the provider's answer, in its transaction: a refused refund is never logged as a refund.
      onSettled: (tx, { refundId, accepted }) =>
        recordAudit(tx, {
          actor: admin,
          action: accepted ? 'return.refund' : 'return.refund_refused',
          entityType: 'return',
          entityId: returnId,
          before: { status: 'received' },
          after: { refundId, amountCents: amount },
        }),
    })
    if (!result.ok) return { ok: false, error: result.error, fieldErrors: { amount: [result.error] } }
    afterStep(returnId, result.orderId)
    return { ok: true, message: `Refund of ${formatMoney(amount)} sent for return ${returnNumber(returnId)}.` }
  },
)

/** Closes a received return without a refund: nothing is left to refund, or the merchant says why not. */
export const closeReturnAction = formAction(
  { ...adminAccess, name: 'admin.return.close', schema: returnCloseSchema, input: ['returnId', 'message'] },
  async ({ returnId, message }, { caller: admin }): Promise<ActionState> => {
    const result = await db.transaction(async (tx) => {
      const closed = await closeReturn(tx, { returnId, message, actorUserId: admin.id })
      if (closed.ok) await recordAudit(tx, { actor: admin, action: 'return.close', entityType: 'return', entityId: returnId, before: { status: closed.from }, after: { status: 'closed', message } })
      return closed
    })
    if (!result.ok) return failure(result.error)
    afterStep(returnId, result.orderId)
    return { ok: true, message: `Return ${returnNumber(returnId)} is closed without a refund; the shopper is emailed.` }
  },
)
