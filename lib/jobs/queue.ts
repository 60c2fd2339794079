import 'server-only'
import { z } from 'zod'
import type { Executor } from '@/db/client'
import { jobs, returnStatus } from '@/db/schema'

const orderMail = z.object({ orderId: z.number().int().positive() })
const returnMail = z.object({ returnId: z.number().int().positive(), status: z.enum(returnStatus.enumValues) })
const stockAlertMail = z.object({ alertId: z.number().int().positive() })

/** Each kind of job and the payload it carries; the runner reads stored payloads back through these. */
export const jobPayloadSchemas = {
  'mail.order-confirmation': orderMail,
  'mail.order-shipped': orderMail,
  'mail.return-update': returnMail,
  'mail.cart-reminder': z.object({ reminderId: z.number().int().positive() }),
  'mail.stock-alert-confirmation': stockAlertMail,
  'mail.back-in-stock': stockAlertMail,
} as const

export type JobKind = keyof typeof jobPayloadSchemas
export type JobPayload<K extends JobKind> = z.infer<(typeof jobPayloadSchemas)[K]>

/**
 * Queues work to run after the caller's transaction commits. Written in that same transaction,
 * so the job exists exactly when the change does; the dedupe key makes "once" hold however often
 * the caller runs (a redelivered webhook, a retried action).
 */
export async function enqueueJob<K extends JobKind>(tx: Executor, job: { kind: K; payload: JobPayload<K>; dedupeKey?: string }) {
  await tx
    .insert(jobs)
    .values({ kind: job.kind, payload: jobPayloadSchemas[job.kind].parse(job.payload), dedupeKey: job.dedupeKey ?? null })
    .onConflictDoNothing({ target: jobs.dedupeKey })
}
