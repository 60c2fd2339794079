import { beforeEach, describe, expect, it, vi } from 'vitest'
import { sql } from '@/db/client'
import { auditEntries } from '@/lib/testing/admin'
import { createTestUser, expectFailure, formData, outcomeOf, signInAs } from '@/lib/testing/auth'
import { setClientIp } from '@/lib/testing/next-headers-mock'
import { sendFeedbackAction } from './actions'
import { updateFeedbackAction } from './admin-actions'
import { listFeedback } from './service'

vi.mock('next-auth', () => import('@/lib/testing/next-auth-mock'))
vi.mock('next/headers', () => import('@/lib/testing/next-headers-mock'))

async function feedbackRows(marker: string) {
  return sql<{ id: number; topic: string; message: string; email: string | null; user_id: string | null; status: string; admin_note: string }[]>`
    select id, topic, message, email, user_id, status, admin_note from feedback where message like ${`%${marker}%`} order by id`
}

beforeEach(() => {
  setClientIp()
  signInAs(null)
})

describe('site feedback', () => {
  it('a guest must give a topic, a message and an email; HTML is stored as text', async () => {
    const marker = `guest-${Date.now()}`
    const empty = expectFailure(await sendFeedbackAction(null, new FormData()))
    expect(Object.keys(empty.fieldErrors ?? {}).sort()).toEqual(['email', 'message', 'topic'])
    expectFailure(await sendFeedbackAction(null, formData({ topic: 'praise', message: marker, email: 'a@example.com' })))
    expectFailure(await sendFeedbackAction(null, formData({ topic: 'bug', message: marker, email: 'not-an-email' })))
    expectFailure(await sendFeedbackAction(null, formData({ topic: 'bug', message: 'x'.repeat(1024 * 1024), email: 'a@example.com' })))
    expect(await feedbackRows(marker)).toHaveLength(0)

    const message = `<script>alert(1)</script> ${marker}`
    expect(await sendFeedbackAction(null, formData({ topic: 'bug', message, email: ' Guest@Example.com ' }))).toMatchObject({ ok: true })
    expect(await feedbackRows(marker)).toMatchObject([{ topic: 'bug', message, email: 'guest@example.com', user_id: null, status: 'new' }])
  })

  it('links a signed-in shopper’s feedback to the account, without asking for an email', async () => {
    const shopper = await createTestUser()
    const marker = `member-${Date.now()}`
    signInAs(shopper)
    expect(await sendFeedbackAction(null, formData({ topic: 'order_problem', message: marker }))).toMatchObject({ ok: true })
    expect(await feedbackRows(marker)).toMatchObject([{ topic: 'order_problem', email: null, user_id: shopper.id }])
    const inbox = await listFeedback({ status: 'new', topic: 'order_problem', page: 1 })
    expect(inbox.items.find((item) => item.message === marker)).toMatchObject({ email: shopper.email, signedIn: true })
  })

  it('limits how many messages one address sends', async () => {
    setClientIp()
    const marker = `spam-${Date.now()}`
    const results = []
    for (let index = 0; index < 7; index++) {
      results.push(await sendFeedbackAction(null, formData({ topic: 'other', message: `${marker} ${index}`, email: `spam${index}@example.com` })))
    }
    expect(results.filter((result) => result?.ok)).toHaveLength(5)
    expect(expectFailure(results[6] ?? null).error).toMatch(/wait 15 minutes/)
    expect(await feedbackRows(marker)).toHaveLength(5)
    // Another address is not affected.
    setClientIp()
    expect(await sendFeedbackAction(null, formData({ topic: 'other', message: `${marker} other`, email: 'other@example.com' }))).toMatchObject({ ok: true })
  })

  it('admins set status and notes; customers cannot', async () => {
    const marker = `inbox-${Date.now()}`
    await sendFeedbackAction(null, formData({ topic: 'idea', message: marker, email: 'idea@example.com' }))
    const [row] = await feedbackRows(marker)
    const [customer, admin] = await Promise.all([createTestUser(), createTestUser({ role: 'admin' })])
    signInAs(customer)
    expect(await outcomeOf(updateFeedbackAction(null, formData({ feedbackId: String(row?.id), status: 'done' })))).toEqual({ kind: 'forbidden' })
    signInAs(admin)
    expectFailure(await updateFeedbackAction(null, formData({ feedbackId: String(row?.id), status: 'closed' })))
    expect(await updateFeedbackAction(null, formData({ feedbackId: String(row?.id), status: 'in_progress', adminNote: 'Looking into it' }))).toMatchObject({ ok: true })
    expect(await feedbackRows(marker)).toMatchObject([{ status: 'in_progress', admin_note: 'Looking into it' }])
    expect(await auditEntries('feedback', row?.id ?? 0)).toEqual([
      { action: 'feedback.update', actor_email: admin.email, before: { status: 'new', adminNote: '' }, after: { status: 'in_progress', adminNote: 'Looking into it' } },
    ])
    const inProgress = await listFeedback({ status: 'in_progress', topic: null, page: 1 })
    expect(inProgress.items.some((item) => item.message === marker)).toBe(true)
    const done = await listFeedback({ status: 'done', topic: null, page: 1 })
    expect(done.items.some((item) => item.message === marker)).toBe(false)
  })
})
