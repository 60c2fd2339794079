import 'server-only'
import { and, eq, inArray, isNull, lt, or, sql } from 'drizzle-orm'
import { db, type Executor, type Transaction } from '@/db/client'
import { orderItems, orders, returnEvents, returnItems, returns } from '@/db/schema'
import { returnStock, type StockReturned } from '@/lib/inventory/stock'
import { enqueueJob } from '@/lib/jobs/queue'
import { formatMoney } from '@/lib/money'
import { refundOrder } from '@/lib/payments/refunds'
import { pluralize } from '@/lib/plural'
import { returnableAmountCents, returnEligibility } from './queries'
import { canTransitionReturn, type ReturnActor, type ReturnReason, type ReturnStatus, returnStatusLabels } from './status'

export type ReturnResult<T extends object = object> = ({ ok: true } & T) | { ok: false; error: string }

/** A refund left "in progress" this long (a crash between the provider and us) no longer blocks another try. */
const REFUND_CLAIM_MINUTES = 5

/** The column stamped when a return reaches each status. */
const statusTimestamp = {
  requested: 'createdAt',
  approved: 'approvedAt',
  rejected: 'rejectedAt',
  received: 'receivedAt',
  refunded: 'refundedAt',
  closed: 'closedAt',
} as const satisfies Record<ReturnStatus, keyof typeof returns.$inferInsert>

export type RequestReturnInput = {
  orderId: number
  reason: ReturnReason
  note: string
  lines: { orderItemId: number; quantity: number }[]
  actorUserId: string | null
}

/**
 * A shopper's return request. The caller has checked that they may see the order; this checks
 * everything else under a lock on the order (so two requests at once cannot both take the last
 * item): the order is delivered and inside the window, and no line goes back more often than it
 * was bought.
 */
export async function requestReturn(input: RequestReturnInput): Promise<ReturnResult<{ returnId: number }>> {
  const wanted = input.lines.filter((line) => line.quantity > 0)
  if (wanted.length === 0) return { ok: false, error: 'Choose at least one item and how many of it to return.' }
  return db.transaction(async (tx) => {
    const [order] = await tx.select({ id: orders.id, status: orders.status }).from(orders).where(eq(orders.id, input.orderId)).for('update')
    if (!order) return { ok: false as const, error: 'We could not find that order.' }
    const eligibility = await returnEligibility(order, tx)
    if (!eligibility.ok) return { ok: false as const, error: eligibility.error }
    const lines = new Map(eligibility.lines.map((line) => [line.orderItemId, line]))
    for (const item of wanted) {
      const line = lines.get(item.orderItemId)
      if (!line) return { ok: false as const, error: 'One of the items is not part of this order. Reload the page and try again.' }
      if (item.quantity > line.returnable) {
        const already = line.alreadyReturned > 0 ? `, ${line.alreadyReturned} already in a return` : ''
        return {
          ok: false as const,
          error: `You can return at most ${line.returnable} of ${line.name} (${line.bought} bought${already}).`,
        }
      }
    }
    const [created] = await tx.insert(returns).values({ orderId: order.id, reason: input.reason, note: input.note, requestedByUserId: input.actorUserId }).returning({ id: returns.id })
    if (!created) throw new Error('return not written')
    await tx.insert(returnItems).values(wanted.map((item) => ({ returnId: created.id, orderItemId: item.orderItemId, quantity: item.quantity })))
    const count = wanted.reduce((sum, item) => sum + item.quantity, 0)
    await recordStep(tx, { returnId: created.id, from: null, to: 'requested', actor: 'customer', actorUserId: input.actorUserId, note: `${pluralize(count, 'item')} to return` })
    return { ok: true as const, returnId: created.id }
  })
}

/** The timeline row and the shopper's email of one step, in the step's transaction. */
async function recordStep(tx: Executor, step: { returnId: number; from: ReturnStatus | null; to: ReturnStatus; actor: ReturnActor; actorUserId: string | null; note: string }) {
  await tx.insert(returnEvents).values({ returnId: step.returnId, fromStatus: step.from, toStatus: step.to, actor: step.actor, actorUserId: step.actorUserId, note: step.note })
  await enqueueJob(tx, { kind: 'mail.return-update', payload: { returnId: step.returnId, status: step.to }, dedupeKey: `return-update:${step.returnId}:${step.to}` })
}

export type ReturnTransitionInput = { returnId: number; to: ReturnStatus; actor: ReturnActor; actorUserId: string | null; note?: string; merchantMessage?: string }

/**
 * The one way a return's status changes: locks the return, refuses what the lifecycle does not
 * allow, and writes the timeline row and queues the email in the caller's transaction.
 */
export async function transitionReturn(tx: Transaction, input: ReturnTransitionInput): Promise<ReturnResult<{ from: ReturnStatus; orderId: number }>> {
  const [current] = await tx.select({ status: returns.status, orderId: returns.orderId }).from(returns).where(eq(returns.id, input.returnId)).for('update')
  if (!current) return { ok: false, error: 'That return does not exist.' }
  if (!canTransitionReturn(current.status, input.to)) {
    return { ok: false, error: `A return that is ${returnStatusLabels[current.status].toLowerCase()} cannot be ${returnStatusLabels[input.to].toLowerCase()}.` }
  }
  await tx
    .update(returns)
    .set({ status: input.to, [statusTimestamp[input.to]]: sql`now()`, ...(input.merchantMessage !== undefined ? { merchantMessage: input.merchantMessage } : {}) })
    .where(eq(returns.id, input.returnId))
  await recordStep(tx, { returnId: input.returnId, from: current.status, to: input.to, actor: input.actor, actorUserId: input.actorUserId, note: input.note ?? input.merchantMessage ?? '' })
  return { ok: true, from: current.status, orderId: current.orderId }
}

/**
 * The approved items arrived: each returned line goes back on the shelf or not (the merchant's
 * choice per line), through the inventory, in the same transaction as the status change. When the
 * order's items were already put back (a full refund with restock), none is put back again.
 */
export async function receiveReturn(tx: Transaction, input: { returnId: number; restockItemIds: number[]; actorUserId: string | null }) {
  const moved = await transitionReturn(tx, { returnId: input.returnId, to: 'received', actor: 'admin', actorUserId: input.actorUserId })
  if (!moved.ok) return moved
  // Locked: a refund releasing the order's stock meanwhile would count these items as not yet restocked.
  const [order] = await tx.select({ stockReleasedAt: orders.stockReleasedAt }).from(orders).where(eq(orders.id, moved.orderId)).for('update')
  const stockAlreadyBack = order?.stockReleasedAt != null
  const items = await tx
    .select({ id: returnItems.id, variantId: orderItems.variantId, quantity: returnItems.quantity })
    .from(returnItems)
    .innerJoin(orderItems, eq(orderItems.id, returnItems.orderItemId))
    .where(eq(returnItems.returnId, input.returnId))
  const restock = stockAlreadyBack ? [] : items.filter((item) => input.restockItemIds.includes(item.id))
  await tx.update(returnItems).set({ restock: false }).where(eq(returnItems.returnId, input.returnId))
  let restocked: StockReturned = { slugs: [], backOnSale: false }
  if (restock.length > 0) {
    await tx
      .update(returnItems)
      .set({ restock: true })
      .where(
        and(
          eq(returnItems.returnId, input.returnId),
          inArray(
            returnItems.id,
            restock.map((item) => item.id),
          ),
        ),
      )
    restocked = await returnStock(tx, restock, 'restock', { orderId: moved.orderId, userId: input.actorUserId, note: `Return #${input.returnId}` })
  }
  return { ...moved, restockedQuantity: restock.reduce((sum, item) => sum + item.quantity, 0), restocked, stockAlreadyBack }
}

/**
 * Closes a received return without a refund, with a message the shopper reads. Refused while a
 * refund of it is with the payment provider: that refund would find the return closed.
 */
export async function closeReturn(tx: Transaction, input: { returnId: number; message: string; actorUserId: string | null }) {
  const [current] = await tx
    .select({ refundInFlight: sql<boolean>`${returns.refundStartedAt} > now() - make_interval(mins => ${REFUND_CLAIM_MINUTES})` })
    .from(returns)
    .where(eq(returns.id, input.returnId))
    .for('update')
  if (current?.refundInFlight) return { ok: false as const, error: 'A refund for this return is on its way, so it cannot be closed. Reload the page in a moment.' }
  return transitionReturn(tx, { returnId: input.returnId, to: 'closed', actor: 'admin', actorUserId: input.actorUserId, merchantMessage: input.message })
}

export type RefundReturnInput = {
  returnId: number
  amountCents: number
  actorUserId: string | null
  /** Runs in the transaction that records the provider's answer (the admin writes its audit entry there). */
  onSettled?: (tx: Transaction, outcome: { refundId: number; accepted: boolean }) => Promise<void>
}

/**
 * Refunds a received return through the refund service, for at most its lines' value (and never
 * more than the service itself would accept). The return is claimed first, so a second click
 * cannot send a second refund; it becomes "refunded" once the provider accepts.
 */
export async function refundReturn(input: RefundReturnInput): Promise<ReturnResult<{ refundId: number; orderId: number }>> {
  if (!Number.isInteger(input.amountCents) || input.amountCents <= 0) return { ok: false, error: 'Enter an amount greater than zero.' }
  const claimed = await db.transaction(async (tx) => {
    const [current] = await tx
      .select({ status: returns.status, orderId: returns.orderId, currency: orders.currency })
      .from(returns)
      .innerJoin(orders, eq(orders.id, returns.orderId))
      .where(eq(returns.id, input.returnId))
    if (!current) return { ok: false as const, error: 'That return does not exist.' }
    if (current.status !== 'received') {
      return { ok: false as const, error: `A return that is ${returnStatusLabels[current.status].toLowerCase()} cannot be refunded; mark its items received first.` }
    }
    const amounts = await returnableAmountCents(input.returnId, tx)
    const max = amounts?.maxCents ?? 0
    if (input.amountCents > max) {
      return {
        ok: false as const,
        error: max <= 0 ? 'Nothing is left to refund on this order.' : `You can refund at most ${formatMoney(max, current.currency)} for this return.`,
      }
    }
    const [claim] = await tx
      .update(returns)
      .set({ refundStartedAt: sql`now()` })
      .where(
        and(
          eq(returns.id, input.returnId),
          eq(returns.status, 'received'),
          or(isNull(returns.refundStartedAt), lt(returns.refundStartedAt, sql`now() - make_interval(mins => ${REFUND_CLAIM_MINUTES})`)),
        ),
      )
      .returning({ id: returns.id })
    if (!claim) return { ok: false as const, error: 'A refund for this return is already on its way. Reload the page in a moment.' }
    return { ok: true as const, orderId: current.orderId, currency: current.currency }
  })
  if (!claimed.ok) return claimed
  const orderId = claimed.orderId
  const result = await refundOrder({
    orderId,
    amountCents: input.amountCents,
    // Restocking was decided per item when the return was received.
    restock: false,
    reason: `Return #${input.returnId}`,
    actorUserId: input.actorUserId,
    onSettled: async (tx, outcome) => {
      if (outcome.accepted) {
        const moved = await transitionReturn(tx, {
          returnId: input.returnId,
          to: 'refunded',
          actor: 'admin',
          actorUserId: input.actorUserId,
          note: `Refunded ${formatMoney(input.amountCents, claimed.currency)}`,
        })
        if (!moved.ok) throw new Error(`return ${input.returnId} could not be marked refunded: ${moved.error}`)
        await tx.update(returns).set({ refundId: outcome.refundId, refundCents: input.amountCents, refundStartedAt: null }).where(eq(returns.id, input.returnId))
      } else {
        await tx.update(returns).set({ refundStartedAt: null }).where(eq(returns.id, input.returnId))
      }
      await input.onSettled?.(tx, outcome)
    },
  })
  if (!result.ok) {
    // Refused before the provider was asked (the order changed meanwhile): free the claim.
    await db.update(returns).set({ refundStartedAt: null }).where(eq(returns.id, input.returnId))
    return result
  }
  return { ok: true, refundId: result.refundId, orderId }
}
