import type { returnReason, returnStatus } from '@/db/schema/returns'
import { unitsShare } from '@/lib/pricing/allocate'

export type ReturnStatus = (typeof returnStatus.enumValues)[number]
export type ReturnReason = (typeof returnReason.enumValues)[number]
export type ReturnActor = 'customer' | 'admin' | 'system'

/**
 * The return lifecycle: the merchant approves or rejects a request, marks the approved items
 * received, then refunds them, or closes the return without a refund (nothing is left to refund
 * on the order, or the merchant says why not). Rejected, refunded and closed returns are final.
 */
export const returnTransitions: Record<ReturnStatus, readonly ReturnStatus[]> = {
  requested: ['approved', 'rejected'],
  approved: ['received'],
  rejected: [],
  received: ['refunded', 'closed'],
  refunded: [],
  closed: [],
}

export function canTransitionReturn(from: ReturnStatus, to: ReturnStatus) {
  return returnTransitions[from].includes(to)
}

export const returnStatusLabels: Record<ReturnStatus, string> = {
  requested: 'Requested',
  approved: 'Approved',
  rejected: 'Rejected',
  received: 'Received',
  refunded: 'Refunded',
  closed: 'Closed without refund',
}

export const returnReasonLabels: Record<ReturnReason, string> = {
  wrong_size: 'Wrong size',
  damaged: 'Damaged',
  not_as_described: 'Not as described',
  changed_mind: 'Changed my mind',
  other: 'Other',
}

/** A rejected return gives its items back: they can be asked for again. Every other status holds them. */
export const HOLDING_RETURN_STATUSES = ['requested', 'approved', 'received', 'refunded', 'closed'] as const satisfies readonly ReturnStatus[]

/**
 * What sending back `units` of an order line pays back, when `earlierUnits` of it went back in
 * earlier returns: THE one place a returned line becomes money. The line is worth what was paid
 * for it (its price less its discount, plus its tax when prices exclude tax), spread over its units
 * by cumulative floors (`unitsShare`), so returning every unit pays back the line to the cent.
 */
export function lineRefundCents(line: { unitPriceCents: number; quantity: number; discountCents: number; taxCents: number }, pricesIncludeTax: boolean, earlierUnits: number, units: number) {
  const paidCents = line.unitPriceCents * line.quantity - line.discountCents + (pricesIncludeTax ? 0 : line.taxCents)
  return unitsShare(paidCents, line.quantity, earlierUnits, units)
}

/** The last moment a return can be asked for: `days` whole days after delivery. */
export function returnDeadline(deliveredAt: Date, days: number) {
  return new Date(deliveredAt.getTime() + days * 86_400_000)
}

export function withinReturnWindow(deliveredAt: Date, days: number, now = new Date()) {
  return now.getTime() <= returnDeadline(deliveredAt, days).getTime()
}

const deadlineFormat = new Intl.DateTimeFormat('en-US', { dateStyle: 'long', timeZone: 'UTC' })

export function formatReturnDeadline(deadline: Date) {
  return deadlineFormat.format(deadline)
}
