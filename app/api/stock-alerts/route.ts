import { NextResponse } from 'next/server'
import { getCurrentUser } from '@/lib/auth/session'

/** Where a signed-in shopper's alert would go, for the sold-out form on cached product pages. */
export async function GET() {
  const user = await getCurrentUser()
  return NextResponse.json({ email: user?.email ?? null }, { headers: { 'Cache-Control': 'private, no-store' } })
}
