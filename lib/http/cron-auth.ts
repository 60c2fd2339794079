import 'server-only'
import { timingSafeEqual } from 'node:crypto'
import { NextResponse } from 'next/server'
import { env } from '@/lib/env'

/**
 * Vercel Cron calls with `Authorization: Bearer $CRON_SECRET`. Null when the caller may go on,
 * else the response to send: 503 when no secret is configured (never run unauthenticated), 401 otherwise.
 */
export function refuseUnlessCron(authorization: string | null): NextResponse | null {
  if (!env.CRON_SECRET) return NextResponse.json({ error: 'CRON_SECRET is not set on this server.' }, { status: 503 })
  const expected = Buffer.from(`Bearer ${env.CRON_SECRET}`)
  const given = Buffer.from(authorization ?? '')
  if (expected.length === given.length && timingSafeEqual(expected, given)) return null
  return NextResponse.json({ error: 'Unauthorized.' }, { status: 401 })
}
