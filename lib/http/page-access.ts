import 'server-only'
import { getCustomer } from '@/lib/admin/customers/queries'
import { positiveId } from '@/lib/admin/list-params'
import { getAdminProduct } from '@/lib/admin/products/queries'
import { getCurrentUser } from '@/lib/auth/session'
import { orderIsVisible } from '@/lib/orders/queries'
import { orderIdParamSchema } from '@/lib/orders/validation'
import { getPromotion } from '@/lib/promotions/queries'
import { getReturnDetail } from '@/lib/returns/queries'

/**
 * With Cache Components a page sends its static shell, and with it a 200, before its request-time
 * code runs; forbidden() or notFound() inside a page that reads the session or the query string
 * can then only change what is shown, not the status. So proxy.ts asks here first, for the few
 * pages whose status depends on who is asking. The pages keep their own checks (requireAdmin(),
 * getOrderForUser()…): this decides the status code, they decide what anyone may see.
 */
export type PageAccess = 'page' | 'forbidden' | 'not-found' | 'no-record'

/** Where proxy.ts rewrites a refused request: static pages prerendered with their status. */
export const statusPages = { forbidden: '/no-access', 'not-found': '/orders/unavailable', 'no-record': '/no-record' } as const

/** The admin's one-record pages (`/admin/<list>/<id>`), and whether such a record exists. */
const adminRecords = new Map<string, (segment: string) => Promise<boolean>>([
  ['products', (segment) => withId(segment, async (id) => (await getAdminProduct(id)) !== null)],
  ['orders', (segment) => withId(segment, (id) => orderIsVisible(id, { admin: true }))],
  ['customers', async (segment) => segment.length <= 100 && (await getCustomer(segment)) !== null],
  ['promotions', (segment) => withId(segment, async (id) => (await getPromotion(id)) !== null)],
  ['returns', (segment) => withId(segment, async (id) => (await getReturnDetail(id)) !== null)],
])

async function withId(segment: string, exists: (id: number) => Promise<boolean>) {
  const id = positiveId(segment)
  return id !== null && exists(id)
}

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
    if (!user) return 'page'
    if (user.role !== 'admin') return 'forbidden'
    const [, list, segment] = /^\/admin\/([a-z]+)\/([^/]+)\/?$/.exec(pathname) ?? []
    const exists = list !== undefined ? adminRecords.get(list) : undefined
    if (!exists || !segment || segment === 'new' || segment === 'import') return 'page'
    return (await exists(decodeURIComponent(segment))) ? 'page' : 'no-record'
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
