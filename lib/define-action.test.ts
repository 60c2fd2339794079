import { redirect } from 'next/navigation'
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { z } from 'zod'
import { sql } from '@/db/client'
import { createTestUser, formData, outcomeOf, signInAs, type TestUser } from '@/lib/testing/auth'
import { ActionError, formAction, unexpectedErrorMessage } from './define-action'

vi.mock('next-auth', () => import('@/lib/testing/next-auth-mock'))
vi.mock('next/headers', () => import('@/lib/testing/next-headers-mock'))

const quantitySchema = z.object({ quantity: z.coerce.number({ error: 'Enter a number.' }).int('Enter a whole number.').min(1, 'Add at least one.') })

/** A test action whose body runs `run` (a query that fails in a known way, a throw, a redirect). */
function actionRunning(run: (quantity: number) => Promise<unknown>, access: 'public' | 'user' | 'admin' = 'public') {
  return formAction({ name: 'test.action', access, schema: quantitySchema, input: ['quantity'] }, async ({ quantity }) => {
    await run(quantity)
    return { ok: true, message: `Did ${quantity}.` }
  })
}

let customer: TestUser
beforeAll(async () => {
  customer = await createTestUser()
})
afterEach(() => vi.restoreAllMocks())

describe('formAction', () => {
  it('answers bad input with field errors and what was typed, without running the body', async () => {
    const body = vi.fn(async () => {})
    const result = await actionRunning(body)(null, formData({ quantity: '2.5', password: 'secret' }))
    expect(result).toEqual({ ok: false, error: 'Please correct the highlighted fields.', fieldErrors: { quantity: ['Enter a whole number.'] }, values: { quantity: '2.5' } })
    expect(body).not.toHaveBeenCalled()
    expect(await actionRunning(body)(null, formData({ quantity: '3' }))).toEqual({ ok: true, message: 'Did 3.' })
  })

  it.each([
    ['a number too large for its column (22003)', () => sql`select ${'99999999999'}::int`, /number is too large/],
    ['text where a number belongs (22P02)', () => sql`select ${'twelve'}::int`, /not in the expected format/],
    [
      'a duplicate (23505)',
      async () => {
        await sql`insert into categories (slug, name) values ('zz-define-action-dup', 'Dup') on conflict do nothing`
        await sql`insert into categories (slug, name) values ('zz-define-action-dup', 'Dup')`
      },
      /already exists/,
    ],
    ['a missing row referred to (23503)', () => sql`insert into categories (slug, name, parent_id) values ('zz-define-action-orphan', 'Orphan', 2147483647)`, /no longer exists/],
    ['a check constraint (23514)', () => sql`insert into cart_items (cart_id, product_id, variant_id, quantity, seen_price_cents) values (gen_random_uuid()::text, 1, 1, -1, 0)`, /not allowed/],
  ])('turns %s into the action’s error, logged as a warning', async (_label, query, message) => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    const result = await outcomeOf(actionRunning(query)(null, formData({ quantity: '1' })))
    expect(result).toEqual({ kind: 'returned', value: { ok: false, error: expect.stringMatching(message), values: { quantity: '1' } } })
    expect(warn).toHaveBeenCalledWith('action refused by a database constraint', expect.objectContaining({ action: 'test.action' }))
  })

  it('logs an unexpected error with its context and answers a generic sentence instead of a 500', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {})
    signInAs(customer)
    const boom = new Error('disk on fire')
    const result = await outcomeOf(actionRunning(async () => Promise.reject(boom), 'user')(null, formData({ quantity: '1' })))
    expect(result).toEqual({ kind: 'returned', value: { ok: false, error: unexpectedErrorMessage, values: { quantity: '1' } } })
    expect(logged).toHaveBeenCalledWith('action failed', { action: 'test.action', userId: customer.id, error: boom })
  })

  it('answers an ActionError thrown from deep inside with its message and field errors', async () => {
    const result = await actionRunning(async () => {
      throw new ActionError('Only 2 left.', { quantity: ['Only 2 left.'] })
    })(null, formData({ quantity: '5' }))
    expect(result).toMatchObject({ ok: false, error: 'Only 2 left.', fieldErrors: { quantity: ['Only 2 left.'] } })
  })

  it('lets redirect() through, and checks the caller before anything else', async () => {
    signInAs(null)
    expect(await outcomeOf(actionRunning(async () => redirect('/done'))(null, formData({ quantity: '1' })))).toEqual({ kind: 'redirect', url: '/done' })
    const body = vi.fn(async () => {})
    expect(await outcomeOf(actionRunning(body, 'user')(null, formData({ quantity: 'x' })))).toMatchObject({ kind: 'redirect', url: expect.stringMatching(/^\/login/) })
    signInAs(customer)
    expect(await outcomeOf(actionRunning(body, 'admin')(null, formData({ quantity: '1' })))).toEqual({ kind: 'forbidden' })
    expect(body).not.toHaveBeenCalled()
  })
})
