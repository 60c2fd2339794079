import { connection, NextResponse } from 'next/server'
import { checkHealth } from '@/lib/health'

/**
 * For load balancers and the container healthcheck: 200 when this instance can serve (the
 * database answers, and Redis when REDIS_URL is set), else 503 with short reasons.
 */
export async function GET() {
  await connection()
  const report = await checkHealth()
  return NextResponse.json(report, {
    status: report.status === 'ok' ? 200 : 503,
    headers: { 'Cache-Control': 'no-store' },
  })
}
