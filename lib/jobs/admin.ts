import 'server-only'
import { and, count, desc, eq, isNotNull, type SQL, sql } from 'drizzle-orm'
import { db, type Executor } from '@/db/client'
import { jobs } from '@/db/schema'

/** How the back office names a job's state: waiting (or retrying), given up on, or finished. */
export const JOB_STATES = ['pending', 'failed', 'done'] as const
export type JobState = (typeof JOB_STATES)[number]

const stateCondition: Record<JobState, SQL> = {
  pending: sql`${jobs.doneAt} is null and ${jobs.failedAt} is null`,
  failed: isNotNull(jobs.failedAt),
  done: isNotNull(jobs.doneAt),
}

export const JOBS_PAGE_SIZE = 50

/** Per kind, how many jobs are pending, failed and done: the top of /admin/jobs. */
export async function jobCountsByKind() {
  return db
    .select({
      kind: jobs.kind,
      pending: sql<number>`count(*) filter (where ${jobs.doneAt} is null and ${jobs.failedAt} is null)::int`,
      failed: sql<number>`count(*) filter (where ${jobs.failedAt} is not null)::int`,
      done: sql<number>`count(*) filter (where ${jobs.doneAt} is not null)::int`,
    })
    .from(jobs)
    .groupBy(jobs.kind)
    .orderBy(jobs.kind)
}

/** Jobs in one state (and optionally of one kind), newest first, with their last error. */
export async function listJobs(params: { state: JobState; kind: string; page: number }) {
  const where = and(stateCondition[params.state], params.kind ? eq(jobs.kind, params.kind) : undefined)
  const [rows, [total]] = await Promise.all([
    db
      .select({
        id: jobs.id,
        kind: jobs.kind,
        payload: jobs.payload,
        attempts: jobs.attempts,
        runAt: jobs.runAt,
        lastError: jobs.lastError,
        doneAt: jobs.doneAt,
        failedAt: jobs.failedAt,
        createdAt: jobs.createdAt,
      })
      .from(jobs)
      .where(where)
      .orderBy(desc(jobs.id))
      .limit(JOBS_PAGE_SIZE)
      .offset((params.page - 1) * JOBS_PAGE_SIZE),
    db.select({ value: count() }).from(jobs).where(where),
  ])
  const totalCount = total?.value ?? 0
  return { rows, total: totalCount, pageCount: Math.max(1, Math.ceil(totalCount / JOBS_PAGE_SIZE)) }
}

/** How many jobs the runner gave up on: the dashboard warns while there are any. */
export async function failedJobCount() {
  const [row] = await db.select({ value: count() }).from(jobs).where(stateCondition.failed)
  return row?.value ?? 0
}

export type RetryResult = { ok: true; kind: string; before: { attempts: number; lastError: string | null } } | { ok: false; error: string }

/**
 * Gives a failed job a fresh start: due now, with a full set of attempts. Only a failed job:
 * a pending one is already going to run, a done one must not run twice. Its last error stays
 * visible until a run succeeds.
 */
export async function retryFailedJob(tx: Executor, jobId: number): Promise<RetryResult> {
  const [job] = await tx.select({ kind: jobs.kind, attempts: jobs.attempts, lastError: jobs.lastError, failedAt: jobs.failedAt }).from(jobs).where(eq(jobs.id, jobId)).for('update')
  if (!job) return { ok: false, error: 'That job does not exist.' }
  if (!job.failedAt) return { ok: false, error: 'Only a failed job can be retried; this one has not failed.' }
  await tx
    .update(jobs)
    .set({ failedAt: null, attempts: 0, runAt: sql`now()`, lockedUntil: null })
    .where(and(eq(jobs.id, jobId), isNotNull(jobs.failedAt)))
  return { ok: true, kind: job.kind, before: { attempts: job.attempts, lastError: job.lastError } }
}
