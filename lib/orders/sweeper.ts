import 'server-only'
import { and, eq, lt, sql } from 'drizzle-orm'
import { db } from '@/db/client'
import { orders } from '@/db/schema'
import { invalidateProducts } from '@/lib/catalog/cache'
import { runDueJobs } from '@/lib/jobs/runner'
import { applyPaymentEvent } from '@/lib/payments/events'
import { providerFor } from '@/lib/payments/provider'
import { cancelPendingOrder } from './cancel'

/**
 * The safety net behind the providers' `expired` events: pending orders past their expiry are
 * checked with the provider — paid ones are marked paid, open sessions are expired — and the rest
 * are cancelled, which returns their stock. Then due jobs (mail) are retried.
 * Runs from Vercel Cron (/api/cron/sweep-orders), `npm run orders:sweep`, and after checkouts.
 */
export async function sweepExpiredOrders(limit = 50) {
  const stale = await db
    .select({ id: orders.id, provider: orders.provider, checkoutSessionId: orders.checkoutSessionId })
    .from(orders)
    .where(and(eq(orders.status, 'pending'), lt(orders.expiresAt, sql`now() - interval '1 minute'`)))
    .orderBy(orders.expiresAt)
    .limit(limit)
  let cancelled = 0
  let paid = 0
  for (const order of stale) {
    try {
      const provider = providerFor(order.provider)
      const session = order.checkoutSessionId ? await provider.retrieveCheckoutSession(order.checkoutSessionId) : null
      if (session?.status === 'complete' && order.checkoutSessionId) {
        const sessionId = order.checkoutSessionId
        await db.transaction((tx) =>
          applyPaymentEvent(
            tx,
            {
              type: 'checkout.completed',
              sessionId,
              orderId: order.id,
              paid: session.paid,
              paymentIntentId: session.paymentIntentId,
              email: null,
              shippingAddress: null,
              amountTotalCents: session.amountTotalCents ?? null,
              amountTaxCents: session.amountTaxCents ?? null,
            },
            order.provider === 'free' ? 'customer' : order.provider,
          ),
        )
        if (session.paid) paid++
        continue
      }
      if (session?.status === 'open' && order.checkoutSessionId) await provider.expireCheckoutSession(order.checkoutSessionId)
      // Paid meanwhile, or already cancelled by its expired event: nothing to do.
      const result = await db.transaction((tx) => cancelPendingOrder(tx, { orderId: order.id, actor: 'system', note: 'Checkout expired before payment; the reserved stock is back on sale.' }))
      if (result.ok) {
        cancelled++
        invalidateProducts(result.released.slugs, 'background', result.released.backOnSale)
      }
    } catch (error) {
      console.error('could not sweep order', { orderId: order.id, error })
    }
  }
  const jobs = await runDueJobs()
  return { checked: stale.length, cancelled, paid, mailSent: jobs.done, mailFailed: jobs.failed }
}
