import 'server-only'
import { headers } from 'next/headers'

/** The client's IP as the platform reports it (Vercel and most proxies set x-forwarded-for). */
export function clientIpFrom(requestHeaders: Headers) {
  const forwarded = requestHeaders.get('x-forwarded-for')?.split(',')[0]?.trim()
  return (forwarded || requestHeaders.get('x-real-ip') || 'unknown').slice(0, 64)
}

export async function currentClientIp() {
  return clientIpFrom(await headers())
}
