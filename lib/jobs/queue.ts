import 'server-only'
import type { Executor } from '@/db/client'
import { jobs } from '@/db/schema'

export type JobKind = 'mail.order-confirmation' | 'mail.order-shipped'

/**
 * Queues work to run after the caller's transaction commits. Written in that same transaction,
 * so the job exists exactly when the change does; the dedupe key makes "once" hold however often
 * the caller runs (a redelivered webhook, a retried action).
 */
export async function enqueueJob(tx: Executor, job: { kind: JobKind; payload: Record<string, unknown>; dedupeKey?: string }) {
  await tx
    .insert(jobs)
    .values({ kind: job.kind, payload: job.payload, dedupeKey: job.dedupeKey ?? null })
    .onConflictDoNothing({ target: jobs.dedupeKey })
}
