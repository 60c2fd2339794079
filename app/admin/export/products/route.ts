import { productsCsv } from '@/lib/admin/exports'
import { requireAdmin } from '@/lib/auth/session'

export async function GET() {
  await requireAdmin('/admin/products')
  const day = new Date().toISOString().slice(0, 10)
  return new Response(productsCsv(), {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="products-${day}.csv"`,
      'cache-control': 'no-store',
    },
  })
}
