import { formatMoney } from '@/lib/money'
import { pluralize } from '@/lib/plural'
import type { TotalsView } from '@/lib/pricing/totals-view'

/** Subtotal, each promotion, shipping, tax and total: the same rows in the cart, on the order page and on the payment page. */
export function OrderTotals({ totals, totalLabel = 'Total', testIdPrefix }: { totals: TotalsView; totalLabel?: string; testIdPrefix?: string }) {
  const money = (cents: number) => formatMoney(cents, totals.currency)
  const testId = (name: string) => (testIdPrefix ? `${testIdPrefix}-${name}` : undefined)
  return (
    <dl className="flex flex-col gap-2 text-sm">
      <div className="flex justify-between">
        <dt>Subtotal{totals.itemCount !== undefined ? ` (${pluralize(totals.itemCount, 'item')})` : ''}</dt>
        <dd data-testid={testId('subtotal')}>{money(totals.subtotalCents)}</dd>
      </div>
      {totals.discounts.map((discount) => (
        <div key={discount.label} className="flex justify-between text-emerald-800">
          <dt>{discount.label}</dt>
          <dd data-testid={testId('discount')}>−{money(discount.cents)}</dd>
        </div>
      ))}
      <div className="flex justify-between">
        <dt>Shipping{totals.shippingName ? ` (${totals.shippingName})` : ''}</dt>
        <dd data-testid={testId('shipping')}>{totals.shippingCents === 0 ? 'Free' : money(totals.shippingCents)}</dd>
      </div>
      {totals.taxCents > 0 && !totals.taxInclusive && (
        <div className="flex justify-between">
          <dt>{totals.taxName ?? 'Tax'}</dt>
          <dd data-testid={testId('tax')}>{money(totals.taxCents)}</dd>
        </div>
      )}
      <div className="flex justify-between border-t border-zinc-200 pt-2 text-base font-semibold">
        <dt>{totalLabel}</dt>
        <dd data-testid={testId('total')}>{money(totals.totalCents)}</dd>
      </div>
      {totals.taxCents > 0 && totals.taxInclusive && (
        <p className="text-right text-xs text-zinc-600" data-testid={testId('tax')}>
          incl. {money(totals.taxCents)} {totals.taxName ?? 'tax'}
        </p>
      )}
    </dl>
  )
}
