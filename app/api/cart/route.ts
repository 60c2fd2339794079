import { NextResponse } from 'next/server'
import { cartItemCount, resolveCartId } from '@/lib/cart/cart'

/** The header's cart badge asks here, so catalog pages stay static and cacheable. */
export async function GET() {
  const count = await cartItemCount(await resolveCartId({ create: false }))
  return NextResponse.json({ count }, { headers: { 'Cache-Control': 'private, no-store' } })
}
