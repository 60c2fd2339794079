import { LOW_STOCK_THRESHOLD } from '@/lib/inventory/low-stock'

export function StockBadge({ stock }: { stock: number }) {
  if (stock <= 0) return <span className="text-sm font-medium text-red-700">Out of stock</span>
  if (stock <= LOW_STOCK_THRESHOLD) return <span className="text-sm font-medium text-amber-700">Only {stock} left</span>
  return <span className="text-sm font-medium text-emerald-700">In stock</span>
}
