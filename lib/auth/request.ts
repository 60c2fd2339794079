import 'server-only'
import { headers } from 'next/headers'

/**
 * The client's IP as the platform reports it: x-real-ip (Vercel, nginx), else the last
 * x-forwarded-for entry, the one the nearest proxy appended (earlier entries are whatever the
 * client sent). Without any proxy in front, both headers come from the client itself.
 */
export function clientIpFrom(requestHeaders: Headers) {
  const forwarded = requestHeaders.get('x-forwarded-for')?.split(',').at(-1)?.trim()
  return (requestHeaders.get('x-real-ip')?.trim() || forwarded || 'unknown').slice(0, 64)
}

export async function currentClientIp() {
  return clientIpFrom(await headers())
}
