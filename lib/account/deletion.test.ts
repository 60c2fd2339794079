import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { sql } from '@/db/client'
import { createTestUser, formData, outcomeOf, signInAs, type TestUser } from '@/lib/testing/auth'
import { createTestProduct } from '@/lib/testing/commerce'
import { insertTestOrder } from '@/lib/testing/orders'
import { createReview } from '@/lib/reviews/service'
import { lookupOrderAction } from '@/lib/orders/actions'
import { getOrderByAccessKey } from '@/lib/orders/queries'
import { deleteAccountAction } from './actions'

/** Everything of one account that deletion touches, as the shop's tables hold it. */
async function footprint(user: TestUser, productId: number, orderId: number) {
  const [account] = await sql`select email from users where id = ${user.id}`
  const reviews = await sql`select rating from reviews where user_id = ${user.id}`
  const [product] = await sql<{ rating_count: number }[]>`select rating_count from products where id = ${productId}`
  const [order] = await sql<{ email: string; user_id: string | null }[]>`select email, user_id from orders where id = ${orderId}`
  const addresses = await sql`select id from addresses where user_id = ${user.id}`
  return { account, reviews: reviews.length, ratingCount: product?.rating_count, order, addresses: addresses.length }
}

async function shopperWithHistory() {
  const user = await createTestUser({ email: `doomed-${crypto.randomUUID().slice(0, 8)}@example.com` })
  const product = await createTestProduct({ stock: 5 })
  await createReview(user.id, product.id, { rating: 4, title: 'Fine', body: 'It works.' })
  const orderId = await insertTestOrder({ userId: user.id, productIds: [product.id], status: 'delivered', email: user.email })
  await sql`insert into addresses (user_id, full_name, line1, city, postal_code, country) values (${user.id}, 'Doomed Person', '1 Main St', 'Springfield', '12345', 'US')`
  return { user, productId: product.id, orderId }
}

beforeEach(() => signInAs(null))

describe('account deletion', () => {
  it('is all or nothing: a failure while deleting the user leaves reviews, ratings, orders and addresses as they were', async () => {
    const { user, productId, orderId } = await shopperWithHistory()
    const before = await footprint(user, productId, orderId)
    expect(before).toMatchObject({ reviews: 1, ratingCount: 1, order: { email: user.email, user_id: user.id }, addresses: 1 })

    // The last step (removing the user row) fails, after reviews and orders were already dealt with.
    await sql.unsafe(`
      create or replace function test_refuse_doomed_user_delete() returns trigger language plpgsql as $$
      begin raise exception 'disk full'; end $$;
      create trigger test_refuse_doomed_user_delete before delete on users
        for each row when (old.email like 'doomed-%') execute function test_refuse_doomed_user_delete();`)
    try {
      signInAs(user)
      const failed = await outcomeOf(deleteAccountAction(null, formData({ currentPassword: user.password ?? '', confirm: 'DELETE' })))
      // The action answers with a sentence (never a 500), and the transaction left nothing half-deleted.
      expect(failed).toMatchObject({ kind: 'returned', value: { ok: false } })
      expect(await footprint(user, productId, orderId)).toEqual(before)
    } finally {
      await sql.unsafe('drop trigger test_refuse_doomed_user_delete on users; drop function test_refuse_doomed_user_delete();')
    }

    // Without the failure, the same request removes it all.
    signInAs(user)
    expect(await outcomeOf(deleteAccountAction(null, formData({ currentPassword: user.password ?? '', confirm: 'DELETE' })))).toEqual({
      kind: 'redirect',
      url: '/?account=deleted',
    })
    const after = await footprint(user, productId, orderId)
    expect(after).toMatchObject({ account: undefined, reviews: 0, ratingCount: 0, addresses: 0 })
    expect(after.order).toEqual({ email: expect.stringMatching(/^deleted-customer-[0-9a-f]{64}@anonymised\.invalid$/), user_id: null })
  })

  it('leaves no way into the deleted shopper’s orders: no guessable lookup email, and their order links stop working', async () => {
    const { user, orderId } = await shopperWithHistory()
    await sql`update orders set status = 'paid', shipping_address = ${JSON.stringify({ fullName: 'Doomed Person', line1: '1 Secret Lane', line2: '', city: 'Springfield', region: '', postalCode: '12345', country: 'US', phone: '+1 555 0100' })}::jsonb where id = ${orderId}`
    const [before] = await sql<{ access_key: string }[]>`select access_key from orders where id = ${orderId}`
    expect(await getOrderByAccessKey(orderId, before?.access_key ?? '')).not.toBeNull()
    signInAs(user)
    expect(await outcomeOf(deleteAccountAction(null, formData({ currentPassword: user.password ?? '', confirm: 'DELETE' })))).toMatchObject({ kind: 'redirect' })

    signInAs(null)
    // The order still ships to its address, but a stranger who guesses a placeholder finds nothing…
    for (const email of [`deleted-customer-${orderId}@anonymised.invalid`, user.email]) {
      expect(await outcomeOf(lookupOrderAction(null, formData({ orderNumber: String(orderId), email })))).toMatchObject({ kind: 'returned', value: { ok: false } })
    }
    // …and the link in the shopper's old confirmation email opens nothing.
    expect(await getOrderByAccessKey(orderId, before?.access_key ?? '')).toBeNull()
    const [after] = await sql<{ email: string; access_key: string; shipping_address: { line1: string } | null }[]>`select email, access_key, shipping_address from orders where id = ${orderId}`
    expect(after?.shipping_address?.line1).toBe('1 Secret Lane')
    expect(after?.access_key).toMatch(/^[0-9a-f]{64}$/)
  })
})

describe('the shop’s last admin', () => {
  let admins: string[] = []
  beforeAll(async () => {
    admins = (await sql<{ id: string }[]>`select id from users where role = 'admin'`).map((row) => row.id)
    await sql`update users set role = 'customer' where role = 'admin'`
  })
  afterAll(async () => {
    if (admins.length > 0) await sql`update users set role = 'admin' where id in ${sql(admins)}`
  })

  it('cannot delete their account while nobody else could run the shop; once there is another admin, can', async () => {
    const owner = await createTestUser({ role: 'admin' })
    signInAs(owner)
    expect(await outcomeOf(deleteAccountAction(null, formData({ currentPassword: owner.password ?? '', confirm: 'DELETE' })))).toMatchObject({
      kind: 'returned',
      value: { ok: false, error: expect.stringContaining('only admin') },
    })
    expect(await sql`select role from users where id = ${owner.id}`).toEqual([{ role: 'admin' }])

    await createTestUser({ role: 'admin' })
    signInAs(owner)
    expect(await outcomeOf(deleteAccountAction(null, formData({ currentPassword: owner.password ?? '', confirm: 'DELETE' })))).toMatchObject({ kind: 'redirect' })
    expect(await sql`select 1 from users where id = ${owner.id}`).toHaveLength(0)
  })
})
