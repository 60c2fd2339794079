import { formatMoney, toMajorUnitsString } from '@/lib/money'
import type { promotions } from '@/db/schema/promotions'

type PromotionRow = typeof promotions.$inferSelect

/** "20 % off", "$5.00 off", "Free shipping": how the admin list names what a promotion does. */
export function describeEffect(row: Pick<PromotionRow, 'kind' | 'percentBasisPoints' | 'amountCents' | 'currency'>) {
  if (row.kind === 'percentage') return `${toMajorUnitsString(row.percentBasisPoints ?? 0)} % off`
  if (row.kind === 'fixed') return `${formatMoney(row.amountCents ?? 0, row.currency)} off`
  return 'Free shipping'
}

/** A date as <input type="datetime-local"> shows it, in UTC. */
export function toDateTimeLocal(date: Date | null) {
  return date ? date.toISOString().slice(0, 16) : ''
}

/** What the form shows for a stored promotion. */
export function promotionFormValues(row: PromotionRow) {
  return {
    id: row.id,
    name: row.name,
    code: row.code ?? '',
    kind: row.kind,
    percent: row.percentBasisPoints !== null ? toMajorUnitsString(row.percentBasisPoints) : '',
    amount: row.amountCents !== null ? toMajorUnitsString(row.amountCents) : '',
    scope: row.scope,
    categoryIds: row.categoryIds,
    productIds: row.productIds.join(', '),
    minSubtotal: row.minSubtotalCents > 0 ? toMajorUnitsString(row.minSubtotalCents) : '',
    startsAt: toDateTimeLocal(row.startsAt),
    endsAt: toDateTimeLocal(row.endsAt),
    usageLimit: row.usageLimit !== null ? String(row.usageLimit) : '',
    onePerCustomer: row.onePerCustomer,
    active: row.active,
  }
}
