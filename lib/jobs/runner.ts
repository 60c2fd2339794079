import 'server-only'
import { eq, sql } from 'drizzle-orm'
import { z } from 'zod'
import { db } from '@/db/client'
import { jobs } from '@/db/schema'
import { sendCartReminder } from '@/lib/cart-reminders/reminders'
import { log } from '@/lib/log'
import { sendOrderConfirmation, sendOrderShipped } from '@/lib/orders/notifications'
import { sendReturnUpdate } from '@/lib/returns/notifications'
import { sendBackInStock, sendStockAlertConfirmation } from '@/lib/stock-alerts/alerts'
import { withSpan } from '@/lib/telemetry'
import { type JobKind, type JobPayload, jobPayloadSchemas } from './queue'

export const MAX_ATTEMPTS = 8

const handlers: { [K in JobKind]: (payload: JobPayload<K>) => Promise<void> } = {
  'mail.order-confirmation': (payload) => sendOrderConfirmation(payload.orderId),
  'mail.order-shipped': (payload) => sendOrderShipped(payload.orderId),
  'mail.return-update': (payload) => sendReturnUpdate(payload.returnId, payload.status),
  'mail.cart-reminder': (payload) => sendCartReminder(payload.reminderId),
  'mail.stock-alert-confirmation': (payload) => sendStockAlertConfirmation(payload.alertId),
  'mail.back-in-stock': (payload) => sendBackInStock(payload.alertId),
}

type ClaimedJob = { id: number; kind: string; payload: unknown; attempts: number }

/** A job that can never succeed (an unknown kind, a payload that does not parse): failed at once, not retried. */
class UnrunnableJobError extends Error {}

/** Reads a stored job back with its kind's schema, never a cast. */
async function runJob(job: ClaimedJob) {
  if (!(job.kind in jobPayloadSchemas)) throw new UnrunnableJobError(`no handler for job kind ${job.kind}`)
  const kind = job.kind as JobKind
  const payload = jobPayloadSchemas[kind].safeParse(job.payload)
  if (!payload.success) throw new UnrunnableJobError(`malformed ${kind} payload: ${z.prettifyError(payload.error)}`)
  await runHandler(kind, payload.data as JobPayload<typeof kind>)
}

/** Generic over the kind so TypeScript pairs each handler with its own payload type. */
function runHandler<K extends JobKind>(kind: K, payload: JobPayload<K>) {
  return handlers[kind](payload)
}

/**
 * Runs the jobs that are due, each claimed for a minute so concurrent runners never take the
 * same one. A failure is retried with exponential backoff (1, 2, 4… minutes) up to 8 attempts.
 * Called after responses (next/server `after`) and by the order sweeper.
 */
export async function runDueJobs(limit = 20): Promise<{ done: number; failed: number }> {
  const claimed = (await db.execute(sql`
    update jobs set locked_until = now() + interval '1 minute', attempts = attempts + 1
    where id in (
      select id from jobs
      where done_at is null and failed_at is null and run_at <= now() and (locked_until is null or locked_until < now())
      order by id limit ${limit} for update skip locked)
    returning id, kind, payload, attempts`)) as unknown as ClaimedJob[]
  let done = 0
  let failed = 0
  for (const job of claimed) {
    try {
      await withSpan(`job ${job.kind}`, { 'job.id': job.id, 'job.attempt': job.attempts }, () => runJob(job))
      await db
        .update(jobs)
        .set({ doneAt: sql`now()`, lockedUntil: null, lastError: null })
        .where(eq(jobs.id, job.id))
      done++
    } catch (error) {
      failed++
      const message = error instanceof Error ? error.message : String(error)
      log.error('job failed', { jobId: job.id, kind: job.kind, attempt: job.attempts, error: message })
      await db
        .update(jobs)
        .set({
          lastError: message.slice(0, 2000),
          lockedUntil: null,
          runAt: sql`now() + make_interval(mins => ${2 ** (job.attempts - 1)})`,
          ...(job.attempts >= MAX_ATTEMPTS || error instanceof UnrunnableJobError ? { failedAt: sql`now()` } : {}),
        })
        .where(eq(jobs.id, job.id))
    }
  }
  return { done, failed }
}
