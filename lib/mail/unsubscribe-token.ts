import 'server-only'
import { createHmac, timingSafeEqual } from 'node:crypto'
import { z } from 'zod'
import { authSecret, siteUrl } from '@/lib/env'

/**
 * What a one-click unsubscribe link stops: cart reminders to an address, or one back-in-stock
 * alert. The link carries it signed with the server's secret, so it needs no sign-in and cannot
 * be forged for someone else's address or alert.
 */
export type UnsubscribeSubject = { topic: 'cart-reminders'; email: string } | { topic: 'stock-alert'; alertId: number }

const subjectSchema = z.discriminatedUnion('topic', [
  z.object({ topic: z.literal('cart-reminders'), email: z.email().max(254) }),
  z.object({ topic: z.literal('stock-alert'), alertId: z.number().int().positive() }),
])

function mac(payload: string) {
  return createHmac('sha256', authSecret ?? 'no-secret')
    .update(`unsubscribe:${payload}`)
    .digest('base64url')
}

export function unsubscribeToken(subject: UnsubscribeSubject) {
  const payload = Buffer.from(JSON.stringify(subject)).toString('base64url')
  return `${payload}.${mac(payload)}`
}

/** The subject of a token we signed, or null for anything else (a forged, altered or truncated link). */
export function readUnsubscribeToken(token: unknown): UnsubscribeSubject | null {
  if (typeof token !== 'string' || token.length > 1000) return null
  const [payload, given, extra] = token.split('.')
  if (!payload || !given || extra !== undefined) return null
  const expected = Buffer.from(mac(payload))
  const provided = Buffer.from(given)
  if (expected.length !== provided.length || !timingSafeEqual(expected, provided)) return null
  try {
    const parsed = subjectSchema.safeParse(JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')))
    return parsed.success ? parsed.data : null
  } catch {
    return null
  }
}

/**
 * The page a person lands on from the mail's link (it asks before acting, so a mail scanner
 * following links unsubscribes nobody), and the headers for mail clients' own unsubscribe button
 * (RFC 8058 one-click: a POST to the URL, no page).
 */
export function unsubscribeLinks(subject: UnsubscribeSubject) {
  const token = unsubscribeToken(subject)
  return {
    pageUrl: `${siteUrl}/unsubscribe?token=${encodeURIComponent(token)}`,
    headers: {
      'List-Unsubscribe': `<${siteUrl}/api/unsubscribe?token=${encodeURIComponent(token)}>`,
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    },
  }
}
