import { timingSafeEqual } from 'node:crypto'
import { type NextRequest, NextResponse } from 'next/server'
import { env } from '@/lib/env'
import { sweepExpiredOrders } from '@/lib/orders/sweeper'

function authorized(header: string | null, secret: string) {
  const expected = Buffer.from(`Bearer ${secret}`)
  const given = Buffer.from(header ?? '')
  return expected.length === given.length && timingSafeEqual(expected, given)
}

/** Vercel Cron calls this with `Authorization: Bearer $CRON_SECRET` (see vercel.json). */
export async function GET(request: NextRequest) {
  if (!env.CRON_SECRET) return NextResponse.json({ error: 'CRON_SECRET is not set on this server.' }, { status: 503 })
  if (!authorized(request.headers.get('authorization'), env.CRON_SECRET)) {
    return NextResponse.json({ error: 'Unauthorized.' }, { status: 401 })
  }
  return NextResponse.json(await sweepExpiredOrders())
}
