import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { db, sql } from '@/db/client'
import * as notifications from '@/lib/orders/notifications'
import { auditEntries, cleanUpFixtures, insertOrder } from '@/lib/testing/admin'
import { createTestUser, expectFailure, formData, signInAs, type TestUser } from '@/lib/testing/auth'
import { retryJobAction } from './actions'
import { failedJobCount, jobCountsByKind, listJobs } from './admin'
import { enqueueJob } from './queue'
import { MAX_ATTEMPTS, runDueJobs } from './runner'

// The real mail code, with the option to make calls fail (a mail server that is down).
vi.mock('@/lib/orders/notifications', async (importOriginal) => {
  const actual = await importOriginal<typeof import('@/lib/orders/notifications')>()
  return { ...actual, sendOrderShipped: vi.fn(actual.sendOrderShipped), actualSendOrderShipped: actual.sendOrderShipped }
})
vi.mock('next/cache', async (importOriginal) => ({ ...(await importOriginal<Record<string, unknown>>()), revalidatePath: vi.fn() }))
const sendShipped = vi.mocked(notifications.sendOrderShipped)

let admin: TestUser
let shopper: TestUser
beforeAll(async () => {
  admin = await createTestUser({ role: 'admin' })
  shopper = await createTestUser()
  vi.spyOn(console, 'error').mockImplementation(() => {})
})
afterAll(async () => {
  vi.restoreAllMocks()
  await cleanUpFixtures()
})

const jobRow = async (id: number) =>
  (
    await sql<{ attempts: number; last_error: string | null; done: boolean; failed: boolean }[]>`
    select attempts, last_error, done_at is not null as done, failed_at is not null as failed from jobs where id = ${id}`
  )[0]

describe('the jobs admin', () => {
  it('shows a job that gave up with its error, and an admin retries it until it is done', async () => {
    const email = `jobs-${randomUUID().slice(0, 8)}@example.com`
    const orderId = await insertOrder({ totalCents: 1_000, status: 'shipped', email })
    const dedupeKey = `order-shipped:${orderId}`
    await enqueueJob(db, { kind: 'mail.order-shipped', payload: { orderId }, dedupeKey })
    const [{ id } = { id: 0 }] = await sql<{ id: number }[]>`select id from jobs where dedupe_key = ${dedupeKey}`
    const failedBefore = await failedJobCount()

    // Its last attempt meets a mail server that is down: the runner gives up on it.
    await sql`update jobs set attempts = ${MAX_ATTEMPTS - 1} where id = ${id}`
    // Only this order's mail fails: earlier files may leave other shipped-order mails due, and the
    // same run sends those first (by id).
    const { actualSendOrderShipped } = notifications as unknown as { actualSendOrderShipped: typeof notifications.sendOrderShipped }
    sendShipped.mockImplementation(async (id) => {
      if (id === orderId) throw new Error('SMTP connection refused')
      return actualSendOrderShipped(id)
    })
    await runDueJobs(1_000)
    sendShipped.mockImplementation(actualSendOrderShipped)
    expect(await jobRow(id)).toEqual({ attempts: MAX_ATTEMPTS, last_error: 'SMTP connection refused', done: false, failed: true })
    expect(await failedJobCount()).toBe(failedBefore + 1)
    const failed = await listJobs({ state: 'failed', kind: 'mail.order-shipped', page: 1 })
    expect(failed.rows.find((row) => row.id === id)).toMatchObject({ kind: 'mail.order-shipped', lastError: 'SMTP connection refused', attempts: MAX_ATTEMPTS })
    expect((await listJobs({ state: 'pending', kind: 'mail.order-shipped', page: 1 })).rows.map((row) => row.id)).not.toContain(id)
    expect((await jobCountsByKind()).find((row) => row.kind === 'mail.order-shipped')?.failed).toBeGreaterThanOrEqual(1)

    // A shopper cannot retry it.
    signInAs(shopper)
    await expect(retryJobAction(null, formData({ jobId: String(id) }))).rejects.toMatchObject({ digest: 'NEXT_HTTP_ERROR_FALLBACK;403' })
    expect((await jobRow(id))?.failed).toBe(true)

    signInAs(admin)
    expect(await retryJobAction(null, formData({ jobId: String(id) }))).toMatchObject({ ok: true, message: `Job ${id} (mail.order-shipped) is queued again and runs in a moment.` })
    expect(await jobRow(id)).toEqual({ attempts: 0, last_error: 'SMTP connection refused', done: false, failed: false })
    expect(await failedJobCount()).toBe(failedBefore)
    expect(await auditEntries('job', id)).toMatchObject([{ action: 'job.retry', before: { attempts: MAX_ATTEMPTS, lastError: 'SMTP connection refused' } }])

    await runDueJobs(1_000)
    expect(await jobRow(id)).toEqual({ attempts: 1, last_error: null, done: true, failed: false })
    expect(await sql`select subject from dev_mailbox where "to" = ${email}`).toEqual([{ subject: expect.stringContaining('has shipped') }])

    // Done is done: retrying it again is refused and changes nothing.
    expect(expectFailure(await retryJobAction(null, formData({ jobId: String(id) }))).error).toBe('Only a failed job can be retried; this one has not failed.')
    expect(await jobRow(id)).toEqual({ attempts: 1, last_error: null, done: true, failed: false })
    expect(expectFailure(await retryJobAction(null, formData({ jobId: '2147483000' }))).error).toBe('That job does not exist.')
    expect(expectFailure(await retryJobAction(null, formData({ jobId: 'abc' }))).fieldErrors?.jobId).toBeDefined()
    expect(await auditEntries('job', id)).toHaveLength(1)
  })
})
