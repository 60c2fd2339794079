import { eq, sql as drizzleSql } from 'drizzle-orm'
import { beforeEach, describe, expect, it } from 'vitest'
import { db, sql } from '@/db/client'
import { deleteAccount } from '@/lib/account/deletion'
import { cartItems, orders } from '@/db/schema'
import { importProductsAction } from '@/lib/admin/products/import-actions'
import { adjustStock } from '@/lib/admin/products/service'
import { runDueJobs } from '@/lib/jobs/runner'
import { applyUnsubscribe } from '@/lib/mail/unsubscribe'
import { unsubscribeAction } from '@/lib/mail/unsubscribe-action'
import { readUnsubscribeToken, unsubscribeToken } from '@/lib/mail/unsubscribe-token'
import { startCheckout } from '@/lib/orders/checkout'
import { sweepExpiredOrders } from '@/lib/orders/sweeper'
import { payDemoCheckoutAction } from '@/lib/payments/actions'
import { refundOrder } from '@/lib/payments/refunds'
import { createTestUser, formData, mailTo, outcomeOf, signInAs, uniqueEmail } from '@/lib/testing/auth'
import { createCartWith, createTestProduct, createTestProductWithVariants, orderRow, placeOrder, stockOf, type TestProduct } from '@/lib/testing/commerce'
import { request, setClientIp } from '@/lib/testing/next-headers-mock'
import { subscribeStockAlertAction } from './actions'
import { waitingCounts } from './alerts'

beforeEach(() => {
  request.cookies.clear()
  signInAs(null)
  setClientIp()
})

const subscribe = (productId: number, email?: string) => subscribeStockAlertAction(null, formData({ productId: String(productId), ...(email === undefined ? {} : { email }) }))

async function backInStockMails(email: string, product: TestProduct) {
  await runDueJobs(100)
  return (await mailTo(email)).filter((mail) => mail.subject === `${product.name} is back in stock`)
}

async function waitingFor(product: TestProduct, ...emails: string[]) {
  for (const email of emails) {
    setClientIp()
    expect(await subscribe(product.id, email)).toMatchObject({ ok: true })
  }
}

describe('subscribing', () => {
  it('a guest subscribes with an address and gets a confirmation with a signed unsubscribe link', async () => {
    const product = await createTestProduct({ stock: 0 })
    const email = uniqueEmail('alert')
    expect(await subscribe(product.id, email)).toEqual({ ok: true, message: `Thanks! We will email ${email} once when ${product.name} is back in stock.` })
    expect(await subscribe(product.id, email.toUpperCase())).toMatchObject({ ok: true })
    expect(await waitingCounts([product.id])).toEqual(new Map([[product.id, 1]]))
    await runDueJobs(100)
    const [confirmation, ...more] = await sql<{ subject: string; text: string; headers: Record<string, string> }[]>`select subject, text, headers from dev_mailbox where "to" = ${email}`
    expect(more).toEqual([])
    expect(confirmation?.subject).toBe(`We will tell you when ${product.name} is back`)
    expect(confirmation?.headers['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click')
    expect(confirmation?.headers['List-Unsubscribe']).toMatch(/^<http.*\/api\/unsubscribe\?token=.+>$/)
    expect(confirmation?.text).toMatch(/Unsubscribe: http.*\/unsubscribe\?token=/)
  })

  it('a signed-in shopper is subscribed at their account’s address, whatever the form says', async () => {
    const user = await createTestUser()
    signInAs(user)
    const product = await createTestProduct({ stock: 0 })
    expect(await subscribe(product.id, 'someone-else@example.com')).toMatchObject({ ok: true, message: expect.stringContaining(user.email) })
    expect(await sql`select email, user_id from stock_alerts where product_id = ${product.id}`).toEqual([{ email: user.email, user_id: user.id }])
  })

  it('deleting the account removes its alerts', async () => {
    const user = await createTestUser()
    signInAs(user)
    const product = await createTestProduct({ stock: 0 })
    await subscribe(product.id)
    expect(await waitingCounts([product.id])).toEqual(new Map([[product.id, 1]]))
    await deleteAccount(user.id)
    expect(await waitingCounts([product.id])).toEqual(new Map())
  })

  it('refuses a bad address, an inactive or in-stock product, and changes nothing', async () => {
    const soldOut = await createTestProduct({ stock: 0 })
    const retired = await createTestProduct({ stock: 0, active: false })
    const inStock = await createTestProduct({ stock: 4 })
    for (const bad of ['', 'not-an-email', 'a@b', `${'x'.repeat(250)}@example.com`, 'ünicode@exämple.com']) {
      expect(await subscribe(soldOut.id, bad)).toMatchObject({ ok: false, fieldErrors: { email: [expect.any(String)] } })
    }
    expect(await subscribe(retired.id, uniqueEmail())).toMatchObject({ ok: false, error: 'This product is no longer available.' })
    expect(await subscribe(inStock.id, uniqueEmail())).toMatchObject({ ok: false, error: expect.stringContaining('in stock now') })
    expect(await sql`select 1 from stock_alerts where product_id in (${soldOut.id}, ${retired.id}, ${inStock.id})`).toEqual([])
  })

  it('1,000 subscriptions from one address are refused after a handful', async () => {
    const products = await Promise.all(Array.from({ length: 12 }, () => createTestProduct({ stock: 0 })))
    const email = uniqueEmail('flood')
    const outcomes = []
    for (let attempt = 0; attempt < 1_000; attempt++) {
      setClientIp()
      outcomes.push(await subscribe(products[attempt % products.length]?.id ?? 0, email))
    }
    const accepted = outcomes.filter((outcome) => outcome?.ok).length
    expect(accepted).toBe(10)
    expect(outcomes.at(-1)).toMatchObject({ ok: false, error: expect.stringContaining('wait 15 minutes') })
    expect(await sql`select 1 from stock_alerts where email = ${email}`).toHaveLength(10)
  }, 120_000)

  it('many addresses from one IP are refused after a handful too', async () => {
    const product = await createTestProduct({ stock: 0 })
    setClientIp()
    const outcomes = []
    for (let attempt = 0; attempt < 100; attempt++) outcomes.push(await subscribe(product.id, uniqueEmail('ip-flood')))
    expect(outcomes.filter((outcome) => outcome?.ok)).toHaveLength(30)
    expect((await waitingCounts([product.id])).get(product.id)).toBe(30)
  })
})

describe('products with options', () => {
  it('an alert is for one sold-out option, and only that option coming back sends it', async () => {
    const admin = await createTestUser({ role: 'admin' })
    const shoe = await createTestProductWithVariants({
      options: [{ name: 'Size', values: ['41', '42', '43'] }],
      variants: [
        { values: ['41'], priceCents: 5_000, stock: 0 },
        { values: ['42'], priceCents: 5_000, stock: 3 },
        { values: ['43'], priceCents: 5_000, stock: 0 },
      ],
    })
    const [small, medium, large] = shoe.variants
    const email = uniqueEmail('shoe')
    const forVariant = (variantId: number | string | undefined) =>
      subscribeStockAlertAction(null, formData({ productId: String(shoe.id), email, ...(variantId === undefined ? {} : { variantId: String(variantId) }) }))
    expect(await forVariant(undefined)).toMatchObject({ ok: false, error: 'Choose the option you are waiting for.' })
    expect(await forVariant(medium?.id)).toMatchObject({ ok: false, error: expect.stringContaining('— 42 is in stock now') })
    const stranger = await createTestProduct({ stock: 0 })
    expect(await forVariant(stranger.variantId)).toMatchObject({ ok: false, error: expect.stringContaining('not sold for') })
    expect(await forVariant(small?.id)).toMatchObject({ ok: true, message: expect.stringContaining(`${shoe.name} — 41 is back`) })
    await adjustStock(admin, { productId: shoe.id, variantId: large?.id, delta: 2, reason: 'restock', note: 'size 43 came in' })
    await runDueJobs(100)
    expect((await mailTo(email)).filter((mail) => mail.subject.endsWith('is back in stock'))).toEqual([])
    await adjustStock(admin, { productId: shoe.id, variantId: small?.id, delta: 1, reason: 'restock', note: 'size 41 came in' })
    await runDueJobs(100)
    expect((await mailTo(email)).filter((mail) => mail.subject.endsWith('is back in stock')).map((mail) => mail.subject)).toEqual([`${shoe.name} — 41 is back in stock`])
  })
})

describe('unsubscribe links', () => {
  it('a forged or altered link is refused and the alert stays; the real one removes it', async () => {
    const product = await createTestProduct({ stock: 0 })
    const email = uniqueEmail('unsub')
    await subscribe(product.id, email)
    const [alert] = await sql<{ id: number }[]>`select id from stock_alerts where email = ${email}`
    const real = unsubscribeToken({ topic: 'stock-alert', alertId: alert?.id ?? 0 })
    const [payload, mac] = real.split('.')
    const otherPayload = Buffer.from(JSON.stringify({ topic: 'stock-alert', alertId: (alert?.id ?? 0) + 1 })).toString('base64url')
    for (const forged of [`${otherPayload}.${mac}`, `${payload}.${mac?.slice(1)}x`, payload ?? '', 'garbage', `${real}.extra`]) {
      expect(readUnsubscribeToken(forged)).toBeNull()
      expect(await unsubscribeAction(null, formData({ token: forged }))).toMatchObject({ ok: false, error: expect.stringContaining('not valid') })
    }
    expect(await waitingCounts([product.id])).toEqual(new Map([[product.id, 1]]))
    expect(await unsubscribeAction(null, formData({ token: real }))).toMatchObject({ ok: true })
    expect(await waitingCounts([product.id])).toEqual(new Map())
    await applyUnsubscribe({ topic: 'stock-alert', alertId: alert?.id ?? 0 })
  })
})

describe('back in stock: one mail per subscriber, through every path that returns stock', () => {
  it('an admin’s stock adjustment', async () => {
    const admin = await createTestUser({ role: 'admin' })
    const product = await createTestProduct({ stock: 0 })
    const [ada, bo] = [uniqueEmail('ada'), uniqueEmail('bo')]
    await waitingFor(product, ada, bo)
    expect(await adjustStock(admin, { productId: product.id, delta: 3, reason: 'restock', note: 'delivery came' })).toMatchObject({ ok: true })
    expect(await backInStockMails(ada, product)).toHaveLength(1)
    expect(await backInStockMails(bo, product)).toHaveLength(1)
    expect((await backInStockMails(ada, product))[0]?.text).toContain(`/products/${product.slug}`)
    // More stock, or sold out and back again: the subscribers were told once and are not subscribed any more.
    await adjustStock(admin, { productId: product.id, delta: 2, reason: 'restock', note: 'another box' })
    await adjustStock(admin, { productId: product.id, delta: -5, reason: 'adjustment', note: 'counted none' })
    await adjustStock(admin, { productId: product.id, delta: 1, reason: 'restock', note: 'found one' })
    expect(await backInStockMails(ada, product)).toHaveLength(1)
    expect(await backInStockMails(bo, product)).toHaveLength(1)
    expect(await waitingCounts([product.id])).toEqual(new Map())
  })

  it('a refused adjustment (rolled back) tells nobody', async () => {
    const admin = await createTestUser({ role: 'admin' })
    const product = await createTestProduct({ stock: 0 })
    const email = uniqueEmail('rollback')
    await waitingFor(product, email)
    expect(await adjustStock(admin, { productId: product.id, delta: -1, reason: 'adjustment', note: 'oops' })).toMatchObject({ ok: false })
    expect(await backInStockMails(email, product)).toHaveLength(0)
    expect(await waitingCounts([product.id])).toEqual(new Map([[product.id, 1]]))
  })

  it('a CSV import', async () => {
    const admin = await createTestUser({ role: 'admin' })
    const product = await createTestProduct({ stock: 0 })
    const email = uniqueEmail('import')
    await waitingFor(product, email)
    signInAs(admin)
    const csv = `slug,name,price,stock,category\n${product.slug},${product.name},12.50,6,zz-test-fixtures\n`
    expect(await importProductsAction(null, formData({ csv, mode: 'import' }))).toMatchObject({ ok: true })
    expect(await stockOf(product.id)).toBe(6)
    expect(await backInStockMails(email, product)).toHaveLength(1)
  })

  it('an expired checkout releasing its reservation', async () => {
    const product = await createTestProduct({ stock: 1 })
    const { orderId } = await placeOrder([{ product, quantity: 1 }])
    expect(await stockOf(product.id)).toBe(0)
    const email = uniqueEmail('expiry')
    await waitingFor(product, email)
    await db
      .update(orders)
      .set({ expiresAt: drizzleSql`now() - interval '5 minutes'` })
      .where(eq(orders.id, orderId))
    await sweepExpiredOrders()
    expect((await orderRow(orderId)).status).toBe('cancelled')
    expect(await stockOf(product.id)).toBe(1)
    expect(await backInStockMails(email, product)).toHaveLength(1)
  })

  it('a checkout replaced by a new one of the changed cart takes the unit again at once: nobody is told, and the alert waits for a real restock', async () => {
    const admin = await createTestUser({ role: 'admin' })
    const lastOne = await createTestProduct({ stock: 1, priceCents: 2_500 })
    const socks = await createTestProduct({ stock: 5, priceCents: 1_000 })
    const cartId = await createCartWith([{ product: lastOne, quantity: 1 }])
    const first = await startCheckout({ cartId, userId: null, email: 'holder@example.com' })
    if (!first.ok) throw new Error(first.error)
    const email = uniqueEmail('replaced')
    await waitingFor(lastOne, email)
    // The holder adds socks and checks out again: the first attempt is cancelled, the unit reserved anew.
    await db.insert(cartItems).values({ cartId, productId: socks.id, variantId: socks.variantId, quantity: 1, seenPriceCents: socks.priceCents })
    const second = await startCheckout({ cartId, userId: null, email: 'holder@example.com' })
    expect(second).toMatchObject({ ok: true })
    expect((await orderRow(first.orderId)).status).toBe('cancelled')
    expect(await stockOf(lastOne.id)).toBe(0)
    expect(await backInStockMails(email, lastOne)).toHaveLength(0)
    expect(await waitingCounts([lastOne.id])).toEqual(new Map([[lastOne.id, 1]]))
    // When the shelf really fills again, the mail goes, once.
    await adjustStock(admin, { productId: lastOne.id, delta: 3, reason: 'restock', note: 'delivery' })
    expect(await backInStockMails(email, lastOne)).toHaveLength(1)
    expect(await backInStockMails(email, lastOne)).toHaveLength(1)
  })

  it('a refund that restocks', async () => {
    const product = await createTestProduct({ stock: 2, priceCents: 2_000 })
    const { orderId } = await placeOrder([{ product, quantity: 2 }])
    const sessionId = (await orderRow(orderId)).checkout_session_id ?? ''
    const address = { fullName: 'Demo Buyer', line1: '5 Test Lane', line2: '', city: 'Portland', region: 'OR', postalCode: '97201', country: 'US', phone: '' }
    await outcomeOf(payDemoCheckoutAction(null, formData({ sessionId, email: 'demo-buyer@example.com', cardNumber: '4242 4242 4242 4242', expiry: '12 / 39', cvc: '123', ...address })))
    expect(await orderRow(orderId)).toMatchObject({ status: 'paid' })
    const email = uniqueEmail('refund')
    await waitingFor(product, email)
    const total = (await orderRow(orderId)).total_cents
    expect(await refundOrder({ orderId, amountCents: Number(total), restock: true, reason: 'Returned', actorUserId: null })).toMatchObject({ ok: true })
    expect(await stockOf(product.id)).toBe(2)
    expect(await backInStockMails(email, product)).toHaveLength(1)
  })

  it('stock returning to a product no longer sold keeps its subscribers waiting', async () => {
    const admin = await createTestUser({ role: 'admin' })
    const product = await createTestProduct({ stock: 0 })
    const email = uniqueEmail('inactive')
    await waitingFor(product, email)
    await sql`update products set active = false where id = ${product.id}`
    await adjustStock(admin, { productId: product.id, delta: 2, reason: 'restock', note: 'back room' })
    expect(await backInStockMails(email, product)).toHaveLength(0)
    expect(await waitingCounts([product.id])).toEqual(new Map([[product.id, 1]]))
  })
})
