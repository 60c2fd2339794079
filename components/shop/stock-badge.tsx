import { cachedLowStockThreshold } from '@/lib/settings/queries'

export async function StockBadge({ stock }: { stock: number }) {
  if (stock <= 0) return <span className="text-sm font-medium text-red-700">Out of stock</span>
  if (stock <= (await cachedLowStockThreshold())) return <span className="text-sm font-medium text-amber-700">Only {stock} left</span>
  return <span className="text-sm font-medium text-emerald-700">In stock</span>
}
