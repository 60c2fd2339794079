import type { NextRequest } from 'next/server'
import { ordersCsv } from '@/lib/admin/exports'
import { isoDay } from '@/lib/admin/list-params'
import { requireAdmin } from '@/lib/auth/session'

const DAY = 86_400_000

/** Orders created from `from` to `to` inclusive (yyyy-mm-dd, UTC); the last 30 days by default. */
export async function GET(request: NextRequest) {
  await requireAdmin('/admin')
  const params = request.nextUrl.searchParams
  const today = isoDay(new Date().toISOString().slice(0, 10)) ?? new Date()
  const fromText = params.get('from') ?? ''
  const toText = params.get('to') ?? ''
  const from = fromText ? isoDay(fromText) : new Date(today.getTime() - 29 * DAY)
  const to = toText ? isoDay(toText) : today
  if (!from || !to) return new Response('Give dates as yyyy-mm-dd, for example ?from=2026-01-01&to=2026-01-31.', { status: 400 })
  if (to < from) return new Response('The end date is before the start date.', { status: 400 })
  if (to.getTime() - from.getTime() > 366 * DAY) return new Response('Export at most one year of orders at a time.', { status: 400 })
  const name = `orders-${from.toISOString().slice(0, 10)}-to-${to.toISOString().slice(0, 10)}.csv`
  return new Response(ordersCsv(from, new Date(to.getTime() + DAY)), {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${name}"`,
      'cache-control': 'no-store',
    },
  })
}
