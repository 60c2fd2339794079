import { randomUUID } from 'node:crypto'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { db, sql } from '@/db/client'
import * as notifications from '@/lib/orders/notifications'
import { cleanUpFixtures, insertOrder } from '@/lib/testing/admin'
import { enqueueJob } from './queue'
import { MAX_ATTEMPTS, runDueJobs } from './runner'

// The real mail code, with the option to make one call fail (a mail server that is down).
vi.mock('@/lib/orders/notifications', async (importOriginal) => {
  const actual = await importOriginal<typeof import('@/lib/orders/notifications')>()
  return { ...actual, sendOrderConfirmation: vi.fn(actual.sendOrderConfirmation), sendOrderShipped: vi.fn(actual.sendOrderShipped) }
})
const sendConfirmation = vi.mocked(notifications.sendOrderConfirmation)

type JobRow = { attempts: number; last_error: string | null; done: boolean; failed: boolean; delay_minutes: number }
async function job(dedupeKey: string) {
  const [row] = await sql<JobRow[]>`
    select attempts, last_error, done_at is not null as done, failed_at is not null as failed,
           round(extract(epoch from run_at - now()) / 60)::int as delay_minutes
    from jobs where dedupe_key = ${dedupeKey}`
  if (!row) throw new Error(`no job ${dedupeKey}`)
  return row
}
/** Time passes: the job's next attempt is due now. */
const makeDue = (dedupeKey: string) => sql`update jobs set run_at = now() where dedupe_key = ${dedupeKey}`
const run = () => runDueJobs(1_000)
const mailsTo = async (email: string) => (await sql<{ n: number }[]>`select count(*)::int as n from dev_mailbox where "to" = ${email}`)[0]?.n ?? 0

let productId = 0
beforeAll(async () => {
  productId = (await sql<{ id: number }[]>`select id from products order by id limit 1`)[0]?.id ?? 0
  vi.spyOn(console, 'error').mockImplementation(() => {})
  vi.spyOn(console, 'warn').mockImplementation(() => {})
})
afterEach(() => sendConfirmation.mockClear())
afterAll(async () => {
  vi.restoreAllMocks()
  await cleanUpFixtures()
})

async function queuedConfirmation() {
  const email = `jobs-${randomUUID().slice(0, 8)}@example.com`
  const orderId = await insertOrder({ totalCents: 2_500, email, items: [{ productId, quantity: 1, unitPriceCents: 2_500 }] })
  const dedupeKey = `test-confirmation:${orderId}`
  await enqueueJob(db, { kind: 'mail.order-confirmation', payload: { orderId }, dedupeKey })
  return { orderId, email, dedupeKey }
}

describe('the job runner', () => {
  it('retries a failing job with exponential backoff (1, 2, 4… minutes) and gives up after the last attempt', async () => {
    const { email, dedupeKey } = await queuedConfirmation()
    sendConfirmation.mockRejectedValue(new Error('SMTP server unavailable'))
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      await makeDue(dedupeKey)
      await run()
      const row = await job(dedupeKey)
      expect(row).toMatchObject({ attempts: attempt, last_error: 'SMTP server unavailable', done: false, failed: attempt === MAX_ATTEMPTS })
      expect(row.delay_minutes).toBe(2 ** (attempt - 1))
    }
    // Failed for good: never claimed again, however due it is.
    await makeDue(dedupeKey)
    const calls = sendConfirmation.mock.calls.length
    await run()
    expect(sendConfirmation.mock.calls.length).toBe(calls)
    expect(await job(dedupeKey)).toMatchObject({ attempts: MAX_ATTEMPTS, failed: true })
    expect(await mailsTo(email)).toBe(0)
    sendConfirmation.mockReset()
  })

  it('is not run again before its backoff has passed, and succeeds on a later attempt', async () => {
    const { email, dedupeKey } = await queuedConfirmation()
    sendConfirmation.mockRejectedValueOnce(new Error('timeout'))
    await run()
    expect(await job(dedupeKey)).toMatchObject({ attempts: 1, last_error: 'timeout', done: false })
    await run()
    expect((await job(dedupeKey)).attempts).toBe(1)
    await makeDue(dedupeKey)
    await run()
    expect(await job(dedupeKey)).toMatchObject({ attempts: 2, last_error: null, done: true, failed: false })
    expect(await mailsTo(email)).toBe(1)
  })

  it('finishes the mail job of an order deleted after it was queued, sending nothing', async () => {
    const { orderId, email, dedupeKey } = await queuedConfirmation()
    await sql`delete from orders where id = ${orderId}`
    await run()
    expect(await job(dedupeKey)).toMatchObject({ attempts: 1, done: true, failed: false, last_error: null })
    expect(await mailsTo(email)).toBe(0)
  })

  it('fails a job whose stored payload does not parse at once, without calling the mailer', async () => {
    const dedupeKey = `test-malformed:${randomUUID()}`
    await sql`insert into jobs (kind, payload, dedupe_key) values ('mail.order-confirmation', ${JSON.stringify({ orderId: 'not a number' })}::jsonb, ${dedupeKey})`
    await run()
    expect(await job(dedupeKey)).toMatchObject({ attempts: 1, done: false, failed: true, last_error: expect.stringContaining('malformed mail.order-confirmation payload') })
    expect(sendConfirmation).not.toHaveBeenCalled()
  })
})
