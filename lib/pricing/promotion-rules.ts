/** Pure promotion rules shared by the pipeline, the cart and the admin: code syntax, eligibility, reasons. */
import { formatMoney } from '@/lib/money'
import type { PricingLine, PromotionRejectionReason, PromotionRule } from './types'

/** What shoppers type is trimmed, stripped of inner spaces and compared case-insensitively. */
export function normalizeCode(input: string) {
  return input.replace(/\s+/g, '').toUpperCase()
}

/** A code merchants can hand out: 3–32 letters, digits, dashes or underscores. */
export const CODE_PATTERN = /^[A-Z0-9][A-Z0-9_-]{2,31}$/

export function lineInScope(rule: Pick<PromotionRule, 'scope'>, line: Pick<PricingLine, 'productId' | 'categoryId'>) {
  if (rule.scope.type === 'order') return true
  return rule.scope.productIds.includes(line.productId) || rule.scope.categoryIds.includes(line.categoryId)
}

/**
 * Why a promotion cannot apply to these lines now, or null when it can. Checked in this order, so
 * the shopper hears the most basic reason first.
 */
export function promotionIneligibility(rule: PromotionRule, context: { currency: string; lines: readonly PricingLine[]; subtotalCents: number; now: Date }): PromotionRejectionReason | null {
  if (!rule.active) return 'inactive'
  if (rule.startsAt && context.now < rule.startsAt) return 'not_started'
  if (rule.endsAt && context.now >= rule.endsAt) return 'expired'
  if (rule.exhausted) return 'exhausted'
  if (rule.usedByCustomer) return 'already_used'
  if (rule.currency !== context.currency && (rule.effect.type === 'fixed' || rule.minSubtotalCents > 0)) return 'currency'
  if (!context.lines.some((line) => lineInScope(rule, line))) return 'not_valid_for_items'
  if (context.subtotalCents < rule.minSubtotalCents) return 'minimum'
  return null
}

const dateFormat = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeZone: 'UTC' })

/** The sentence a shopper reads when their code does not apply. */
export function rejectionMessage(code: string, reason: PromotionRejectionReason, facts: { rule?: PromotionRule | null; subtotalCents: number; currency: string; shippingAlreadyFree?: boolean }) {
  const rule = facts.rule
  switch (reason) {
    case 'unknown':
      return `We don't know the code ${code}. Check the spelling and try again.`
    case 'inactive':
      return `The code ${code} is not active right now.`
    case 'not_started':
      return rule?.startsAt ? `The code ${code} starts on ${dateFormat.format(rule.startsAt)}.` : `The code ${code} has not started yet.`
    case 'expired':
      return `The code ${code} has expired.`
    case 'exhausted':
      return `The code ${code} has been used up.`
    case 'already_used':
      return `You have already used the code ${code}; it is one per customer.`
    case 'currency':
      return `The code ${code} cannot be used for prices in ${facts.currency}.`
    case 'not_valid_for_items':
      return `The code ${code} is not valid for these items.`
    case 'minimum': {
      const minimum = rule?.minSubtotalCents ?? 0
      return `The code ${code} needs a minimum ${formatMoney(minimum, facts.currency)} subtotal; add ${formatMoney(minimum - facts.subtotalCents, facts.currency)} more to use it.`
    }
    case 'no_saving':
      return facts.shippingAlreadyFree ? `Your order already ships free, so the code ${code} saves nothing.` : `The code ${code} would not lower your total.`
  }
}
