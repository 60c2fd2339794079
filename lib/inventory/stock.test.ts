import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { db, sql } from '@/db/client'
import { adjustStock, createProduct } from '@/lib/admin/products/service'
import { applyProductImport, planProductImport } from '@/lib/admin/products/import'
import { transitionOrder } from '@/lib/orders/state-machine'
import { completeDemoCheckout } from '@/lib/payments/demo'
import { refundOrder } from '@/lib/payments/refunds'
import { createTestUser, type TestUser } from '@/lib/testing/auth'
import { createTestProduct, createTestProductWithVariants, orderRow, placeOrder, stockOf, type TestProduct, variantStockOf, withVariant } from '@/lib/testing/commerce'

type Movement = { delta: number; stock_after: number; reason: string; order_id: number | null; note: string }

const movementsOf = (productId: number) => sql<Movement[]>`select delta, stock_after, reason, order_id, note from stock_movements where product_id = ${productId} order by id`

/** The history adds up: each movement's level follows from the one before, and the last is the stock now. */
async function expectHistoryAddsUp(productId: number, openingStock: number) {
  const history = await movementsOf(productId)
  let level = openingStock
  for (const movement of history) {
    level += movement.delta
    expect(movement.stock_after).toBe(level)
  }
  expect(await stockOf(productId)).toBe(level)
}

const address = { fullName: 'Stock Tester', line1: '1 Shelf Road', line2: '', city: 'Portland', region: 'OR', postalCode: '97201', country: 'US', phone: '' }
let admin: TestUser
let category: { id: number; slug: string }

beforeAll(async () => {
  admin = await createTestUser({ role: 'admin' })
  const [row] = await sql<{ id: number; slug: string }[]>`select id, slug from categories order by id desc limit 1`
  if (!row) throw new Error('no category')
  category = row
})
afterAll(async () => {
  await sql`delete from orders where id in (select oi.order_id from order_items oi join products p on p.id = oi.product_id where p.slug like 'inv-%')`
  await sql`delete from products where slug like 'inv-%'`
})

describe('inventory: every stock change leaves one movement with its reason', () => {
  let product: TestProduct

  it('checkout reserves, cancelling releases', async () => {
    product = await createTestProduct({ stock: 10 })
    const { orderId } = await placeOrder([{ product, quantity: 3 }])
    expect(await movementsOf(product.id)).toEqual([{ delta: -3, stock_after: 7, reason: 'reservation', order_id: orderId, note: '' }])
    await db.transaction((tx) => transitionOrder(tx, { orderId, to: 'cancelled', actor: 'admin' }))
    expect((await movementsOf(product.id)).slice(1)).toEqual([{ delta: 3, stock_after: 10, reason: 'release', order_id: orderId, note: 'Order cancelled' }])
    // Cancelled twice over (a late expiry event): released once.
    await db.transaction((tx) => transitionOrder(tx, { orderId, to: 'cancelled', actor: 'system' }))
    expect(await movementsOf(product.id)).toHaveLength(2)
    await expectHistoryAddsUp(product.id, 10)
  })

  it('a refund with restock of an order of two variants returns each unit to its own variant, and the product total follows', async () => {
    const mug = await createTestProductWithVariants({
      options: [{ name: 'Colour', values: ['Sage', 'Rust'] }],
      variants: [
        { values: ['Sage'], priceCents: 1_800, stock: 6 },
        { values: ['Rust'], priceCents: 1_800, stock: 3 },
      ],
    })
    const [sage, rust] = mug.variants
    if (!sage || !rust) throw new Error('fixture variants missing')
    const { orderId } = await placeOrder([
      { product: withVariant(mug, sage), quantity: 2 },
      { product: withVariant(mug, rust), quantity: 3 },
    ])
    expect([await variantStockOf(sage.id), await variantStockOf(rust.id), await stockOf(mug.id)]).toEqual([4, 0, 4])
    await completeDemoCheckout((await orderRow(orderId)).checkout_session_id ?? '', { email: 'stock@example.com', shipping: address })
    const total = (await orderRow(orderId)).total_cents
    expect(await refundOrder({ orderId, amountCents: total, restock: true, reason: 'Returned', actorUserId: null })).toMatchObject({ ok: true })
    expect([await variantStockOf(sage.id), await variantStockOf(rust.id), await stockOf(mug.id)]).toEqual([6, 3, 9])
    expect(await sql`select variant_id, delta, reason from stock_movements where product_id = ${mug.id} order by id`).toEqual([
      { variant_id: sage.id, delta: -2, reason: 'reservation' },
      { variant_id: rust.id, delta: -3, reason: 'reservation' },
      { variant_id: sage.id, delta: 2, reason: 'restock' },
      { variant_id: rust.id, delta: 3, reason: 'restock' },
    ])
  })

  it('a full refund with restock returns the stock once', async () => {
    const { orderId } = await placeOrder([{ product, quantity: 2 }])
    const session = (await orderRow(orderId)).checkout_session_id ?? ''
    await completeDemoCheckout(session, { email: 'stock@example.com', shipping: address })
    expect((await orderRow(orderId)).status).toBe('paid')
    const total = (await orderRow(orderId)).total_cents
    expect(await refundOrder({ orderId, amountCents: total, restock: true, reason: 'Returned', actorUserId: null })).toMatchObject({ ok: true })
    expect((await orderRow(orderId)).status).toBe('refunded')
    expect((await movementsOf(product.id)).slice(2)).toEqual([
      { delta: -2, stock_after: 8, reason: 'reservation', order_id: orderId, note: '' },
      { delta: 2, stock_after: 10, reason: 'restock', order_id: orderId, note: 'Refunded and restocked' },
    ])
    await expectHistoryAddsUp(product.id, 10)
  })

  it('an admin adjustment is a movement, and one that would go below zero writes nothing', async () => {
    expect(await adjustStock(admin, { productId: product.id, delta: -4, reason: 'adjustment', note: 'broken' })).toMatchObject({ ok: true, stock: 6 })
    expect(await adjustStock(admin, { productId: product.id, delta: -7, reason: 'adjustment', note: 'too many' })).toMatchObject({ ok: false })
    expect((await movementsOf(product.id)).slice(4)).toEqual([{ delta: -4, stock_after: 6, reason: 'adjustment', order_id: null, note: 'broken' }])
    await expectHistoryAddsUp(product.id, 10)
  })

  it('a new product’s opening stock is its first movement', async () => {
    const created = await createProduct(admin, {
      name: `inv opening ${randomUUID().slice(0, 6)}`,
      slug: `inv-open-${randomUUID().slice(0, 6)}`,
      description: '',
      price: 500,
      stock: 12,
      categoryId: category.id,
      active: true,
      featured: false,
    })
    if (!created.ok) throw new Error(created.error)
    expect(await movementsOf(created.id)).toEqual([{ delta: 12, stock_after: 12, reason: 'adjustment', order_id: null, note: 'Opening stock' }])
    await expectHistoryAddsUp(created.id, 0)
  })

  it('a CSV import that changes stock leaves an import movement with the difference; unchanged stock leaves none', async () => {
    const slug = `inv-csv-${randomUUID().slice(0, 6)}`
    const importCsv = async (stock: number) => {
      const planned = await planProductImport(`slug,name,price,stock,category\n${slug},Imported,5,${stock},${category.slug}\n`)
      if (!planned.ok) throw new Error(planned.error)
      return applyProductImport(admin, planned.plan)
    }
    await importCsv(5)
    const [row] = await sql<{ id: number; variant_id: number }[]>`select p.id, v.id as variant_id from products p join product_variants v on v.product_id = p.id where p.slug = ${slug}`
    const id = row?.id ?? 0
    // A shopper buys 2 between the imports: the import's movement is against what was really there.
    const bought = await placeOrder([{ product: { id, slug, name: 'Imported', priceCents: 500, variantId: row?.variant_id ?? 0 }, quantity: 2 }])
    await importCsv(9)
    await importCsv(9)
    expect(await movementsOf(id)).toEqual([
      { delta: 5, stock_after: 5, reason: 'import', order_id: null, note: 'CSV import' },
      { delta: -2, stock_after: 3, reason: 'reservation', order_id: bought.orderId, note: '' },
      { delta: 6, stock_after: 9, reason: 'import', order_id: null, note: 'CSV import' },
    ])
    await expectHistoryAddsUp(id, 0)
    // A file without a stock column leaves the stock alone.
    const planned = await planProductImport(`slug,name,price,category\n${slug},Renamed,5,${category.slug}\n`)
    if (!planned.ok) throw new Error(planned.error)
    await applyProductImport(admin, planned.plan)
    expect(await stockOf(id)).toBe(9)
    expect(await movementsOf(id)).toHaveLength(3)
  })
})
