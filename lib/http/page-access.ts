import 'server-only'
import { getCurrentUser } from '@/lib/auth/session'
import { orderIsVisible } from '@/lib/orders/queries'
import { orderIdParamSchema } from '@/lib/orders/validation'

/**
 * With Cache Components a page sends its static shell, and with it a 200, before its request-time
 * code runs; forbidden() or notFound() inside a page that reads the session or the query string
 * can then only change what is shown, not the status. So proxy.ts asks here first, for the few
 * pages whose status depends on who is asking. The pages keep their own checks (requireAdmin(),
 * getOrderForUser()…): this decides the status code, they decide what anyone may see.
 */
export type PageAccess = 'page' | 'forbidden' | 'not-found'

/** Where proxy.ts rewrites a refused request: static pages prerendered with their status. */
export const statusPages = { forbidden: '/no-access', 'not-found': '/orders/unavailable' } as const

/** Only these paths pay for a session or database lookup in the proxy. */
export function needsAccessCheck(pathname: string) {
  return /^\/admin(\/|$)/.test(pathname) || /^\/account\/orders\/[^/]+\/?$/.test(pathname) || /^\/orders\/[^/]+\/?$/.test(pathname)
}

function orderIdFrom(segment: string) {
  const parsed = orderIdParamSchema.safeParse(decodeURIComponent(segment))
  return parsed.success ? parsed.data : null
}

export async function pageAccess(pathname: string, searchParams: URLSearchParams): Promise<PageAccess> {
  if (/^\/admin(\/|$)/.test(pathname)) {
    const user = await getCurrentUser()
    // Signed out: the page sends the visitor to the login form.
    return user && user.role !== 'admin' ? 'forbidden' : 'page'
  }

  const accountOrder = /^\/account\/orders\/([^/]+)\/?$/.exec(pathname)?.[1]
  if (accountOrder !== undefined) {
    const user = await getCurrentUser()
    if (!user) return 'page'
    const orderId = orderIdFrom(accountOrder)
    // Someone else's order is "not found", never "forbidden": its existence is not revealed.
    return orderId !== null && (await orderIsVisible(orderId, { userId: user.id })) ? 'page' : 'not-found'
  }

  const guestOrder = /^\/orders\/([^/]+)\/?$/.exec(pathname)?.[1]
  if (guestOrder !== undefined && guestOrder !== 'lookup') {
    const keys = searchParams.getAll('key')
    const key = keys.length === 1 ? keys[0] : undefined
    const orderId = orderIdFrom(guestOrder)
    if (orderId === null || !key || key.length > 64) return 'not-found'
    return (await orderIsVisible(orderId, { accessKey: key })) ? 'page' : 'not-found'
  }

  return 'page'
}
