import { formatMoney } from '@/lib/money'

export function Price({ amountCents, currency, className }: { amountCents: number; currency: string; className?: string }) {
  return <span className={className}>{formatMoney(amountCents, currency)}</span>
}
