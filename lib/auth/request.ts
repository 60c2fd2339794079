import 'server-only'
import { headers } from 'next/headers'
import { type ClientIpTrust, clientIpTrust } from '@/lib/env'

/**
 * The key every client shares when nothing trustworthy names it: `next start` with no proxy
 * configured. Next.js only writes the socket address into X-Forwarded-For when the client sent
 * none, so that header cannot tell the socket from a forgery; one shared bucket is the honest
 * answer (set TRUSTED_PROXY_HOPS behind a proxy to get per-client limits).
 */
export const UNKNOWN_CLIENT_IP = 'unknown'

/**
 * The client's IP, read only from headers a proxy we trust wrote:
 * - on Vercel, its own `x-vercel-forwarded-for` (or `x-real-ip`), which Vercel overwrites;
 * - behind N trusted proxies (TRUSTED_PROXY_HOPS), the Nth X-Forwarded-For entry from the right,
 *   the one the outermost trusted proxy appended (entries left of it are whatever the client sent);
 * - otherwise UNKNOWN_CLIENT_IP.
 */
export function clientIpFrom(requestHeaders: Headers, trust: ClientIpTrust = clientIpTrust): string {
  let ip: string | undefined
  if (trust.vercel) {
    ip = firstEntry(requestHeaders.get('x-vercel-forwarded-for')) ?? firstEntry(requestHeaders.get('x-real-ip'))
  } else if (trust.proxyHops > 0) {
    const entries = (requestHeaders.get('x-forwarded-for') ?? '')
      .split(',')
      .map((entry) => entry.trim())
      .filter(Boolean)
    // Fewer entries than proxies: the request did not come through all of them.
    ip = entries.length >= trust.proxyHops ? entries[entries.length - trust.proxyHops] : undefined
  }
  return (ip || UNKNOWN_CLIENT_IP).slice(0, 64)
}

function firstEntry(value: string | null) {
  return value?.split(',')[0]?.trim() || undefined
}

export async function currentClientIp() {
  return clientIpFrom(await headers())
}
