import { formatMoney } from '@/lib/money'

export function Price({ amountCents, currency, className }: { amountCents: number; currency: string; className?: string }) {
  return <span className={className}>{formatMoney(amountCents, currency)}</span>
}

/** A listing's price: "from $X" when the product's variants differ in price. */
export function PriceFrom({ minCents, maxCents, currency, className }: { minCents: number; maxCents: number; currency: string; className?: string }) {
  return <span className={className}>{maxCents > minCents ? `from ${formatMoney(minCents, currency)}` : formatMoney(minCents, currency)}</span>
}
