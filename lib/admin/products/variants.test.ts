import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { sql } from '@/db/client'
import { auditEntries, cleanUpFixtures, insertOrder, someCategoryId, trackProduct } from '@/lib/testing/admin'
import { createTestUser, expectFailure, formData, outcomeOf, signInAs, type TestUser } from '@/lib/testing/auth'
import { loadCart } from '@/lib/cart/cart'
import { createCartWith } from '@/lib/testing/commerce'
import { cacheCalls } from '@/lib/testing/next-cache'
import { lowStockVariants } from '../dashboard'
import { adjustStockAction, saveProductAction } from './actions'
import { saveOptionsAction, saveVariantsAction } from './variant-actions'

function must<T>(value: T | undefined | null): T {
  if (value === undefined || value === null) throw new Error('expected a row')
  return value
}

vi.mock('next-auth', () => import('@/lib/testing/next-auth-mock'))
vi.mock('next/headers', () => import('@/lib/testing/next-headers-mock'))

let admin: TestUser
let categoryId: number

beforeAll(async () => {
  admin = await createTestUser({ role: 'admin' })
  categoryId = await someCategoryId()
})
beforeEach(() => signInAs(admin))
afterAll(cleanUpFixtures)

type VariantRow = { id: number; sku: string; option1: string | null; option2: string | null; price_cents: number; compare_at_cents: number | null; stock: number; active: boolean }

async function createProduct(name: string, price = '20', stock = '5') {
  const outcome = await outcomeOf(saveProductAction(null, formData({ name, price, stock, categoryId: String(categoryId), description: 'Soft.', active: 'on' })))
  const id = Number(/\/(\d+)\?/.exec(outcome.kind === 'redirect' ? outcome.url : '')?.[1])
  if (!id) throw new Error(`product not created: ${JSON.stringify(outcome)}`)
  trackProduct(id)
  return id
}
const variantsOf = (productId: number) =>
  sql<VariantRow[]>`select id, sku, option1, option2, price_cents, compare_at_cents, stock, active from product_variants where product_id = ${productId} order by position, id`
const summaryOf = async (productId: number) =>
  (await sql<{ price_cents: number; max_price_cents: number; stock: number }[]>`select price_cents, max_price_cents, stock from products where id = ${productId}`)[0]
const optionsOf = (productId: number) => sql<{ name: string; values: string[] }[]>`select name, values from product_options where product_id = ${productId} order by position`

function optionsForm(productId: number, options: [string, string][]) {
  return formData({
    productId: String(productId),
    ...Object.fromEntries(
      options.flatMap(([name, values], index) => [
        [`options.${index}.name`, name],
        [`options.${index}.values`, values],
      ]),
    ),
  })
}
type Edit = { id: number; sku: string; price: string; compareAt?: string; weightGrams?: string; barcode?: string; imageId?: string; active?: boolean }
function variantsForm(productId: number, rows: Edit[]) {
  const fields: Record<string, string> = { productId: String(productId) }
  rows.forEach((row, index) => {
    Object.assign(fields, {
      [`variants.${index}.id`]: String(row.id),
      [`variants.${index}.sku`]: row.sku,
      [`variants.${index}.price`]: row.price,
      [`variants.${index}.compareAt`]: row.compareAt ?? '',
      [`variants.${index}.imageId`]: row.imageId ?? '',
      ...(row.weightGrams === undefined ? {} : { [`variants.${index}.weightGrams`]: row.weightGrams }),
      ...(row.barcode === undefined ? {} : { [`variants.${index}.barcode`]: row.barcode }),
    })
    if (row.active !== false) fields[`variants.${index}.active`] = 'on'
  })
  return formData(fields)
}
const editsOf = (rows: VariantRow[]): Edit[] => rows.map((row) => ({ id: row.id, sku: row.sku, price: String(row.price_cents / 100), active: row.active }))

describe('admin options and variants', () => {
  it('turns the default variant into the first size when a Size option is added, keeping its stock and SKU, and keeps variants when a value is added', async () => {
    const productId = await createProduct('Variant Tee One')
    const [defaultVariant] = await variantsOf(productId)
    expect(await saveOptionsAction(null, optionsForm(productId, [['Size', 'S, M, L']]))).toMatchObject({ ok: true, message: 'Options saved. 2 variants created.' })
    const sized = await variantsOf(productId)
    expect(sized.map((row) => [row.option1, row.stock, row.price_cents])).toEqual([
      ['S', 5, 2000],
      ['M', 0, 2000],
      ['L', 0, 2000],
    ])
    expect(sized[0]).toMatchObject({ id: defaultVariant?.id, sku: defaultVariant?.sku })
    expect(sized[1]?.sku).toBe('VARIANT-TEE-ONE-M')
    expect(await optionsOf(productId)).toEqual([{ name: 'Size', values: ['S', 'M', 'L'] }])

    expect(await saveOptionsAction(null, optionsForm(productId, [['Size', 'S, M, L, XL']]))).toMatchObject({ ok: true, message: 'Options saved. 1 variant created.' })
    const more = await variantsOf(productId)
    expect(more.slice(0, 3).map((row) => row.id)).toEqual(sized.map((row) => row.id))
    expect(more.map((row) => row.option1)).toEqual(['S', 'M', 'L', 'XL'])

    expect((await auditEntries('product', productId)).at(-1)).toMatchObject({ action: 'product.options', after: { options: [{ name: 'Size', values: ['S', 'M', 'L', 'XL'] }] } })
  })

  it('saves SKUs, prices, compare-at prices and the active flag, and keeps the listing price range and stock from active variants', async () => {
    const productId = await createProduct('Variant Tee Two', '20', '4')
    await saveOptionsAction(null, optionsForm(productId, [['Size', 'S, M, L']]))
    const rows = await variantsOf(productId)
    const edits = editsOf(rows)
    edits[0] = { ...must(edits[0]), sku: 'VT2-S', price: '18', compareAt: '25' }
    edits[1] = { ...must(edits[1]), sku: 'VT2-M', price: '22.50' }
    edits[2] = { ...must(edits[2]), sku: 'VT2-L', price: '9', active: false }
    expect(await saveVariantsAction(null, variantsForm(productId, edits))).toMatchObject({ ok: true, message: '3 variants saved. The shop shows the change now.' })
    expect((await variantsOf(productId)).map((row) => [row.sku, row.price_cents, row.compare_at_cents, row.active])).toEqual([
      ['VT2-S', 1800, 2500, true],
      ['VT2-M', 2250, null, true],
      ['VT2-L', 900, null, false],
    ])
    // The archived $9 variant does not count: the shop lists "from $18".
    expect(await summaryOf(productId)).toEqual({ price_cents: 1800, max_price_cents: 2250, stock: 4 })
    expect((await auditEntries('product', productId)).at(-1)).toMatchObject({
      action: 'product.variants',
      before: { variants: [{ sku: 'VARIANT-TEE-TWO' }, { sku: 'VARIANT-TEE-TWO-M' }, { sku: 'VARIANT-TEE-TWO-L' }] },
      after: { variants: [{ sku: 'VT2-S', priceCents: 1800, compareAtCents: 2500 }, { sku: 'VT2-M' }, { sku: 'VT2-L', active: false }] },
    })
  })

  it('saves each variant’s weight and barcode, which the cart then weighs for shipping', async () => {
    const productId = await createProduct('Variant Boot Three', '80', '6')
    await saveOptionsAction(null, optionsForm(productId, [['Size', '42, 44']]))
    const edits = editsOf(await variantsOf(productId))
    edits[0] = { ...must(edits[0]), weightGrams: '1150', barcode: '4006381333931' }
    edits[1] = { ...must(edits[1]), weightGrams: '1240', barcode: '' }
    expect(await saveVariantsAction(null, variantsForm(productId, edits))).toMatchObject({ ok: true, message: '2 variants saved. The shop shows the change now.' })
    const saved = await sql<{ id: number; weight_grams: number | null; barcode: string | null }[]>`
      select id, weight_grams, barcode from product_variants where product_id = ${productId} order by position`
    expect(saved.map((row) => [row.weight_grams, row.barcode])).toEqual([
      [1150, '4006381333931'],
      [1240, null],
    ])
    expect((await auditEntries('product', productId)).at(-1)).toMatchObject({
      after: {
        variants: [
          { weightGrams: 1150, barcode: '4006381333931' },
          { weightGrams: 1240, barcode: null },
        ],
      },
    })

    // Two pairs of the 42 and one of the 44: 3,540 g for weight-banded shipping.
    const boot = { id: productId, slug: 'variant-boot-three', name: 'Variant Boot Three', priceCents: 8_000 }
    const cartId = await createCartWith([
      { product: { ...boot, variantId: must(saved[0]).id }, quantity: 2 },
      { product: { ...boot, variantId: must(saved[1]).id }, quantity: 1 },
    ])
    const cart = await loadCart(cartId)
    expect(cart.lines.reduce((grams, line) => grams + (line.weightGrams ?? 0) * line.quantity, 0)).toBe(3_540)

    // A form without the fields (an older page still open) keeps them; an empty weight clears it.
    edits[0] = { ...must(edits[0]), weightGrams: undefined, barcode: undefined, price: '79' }
    edits[1] = { ...must(edits[1]), weightGrams: '' }
    expect(await saveVariantsAction(null, variantsForm(productId, edits))).toMatchObject({ ok: true })
    const after = await sql<{ weight_grams: number | null; barcode: string | null }[]>`select weight_grams, barcode from product_variants where product_id = ${productId} order by position`
    expect(after.map((row) => [row.weight_grams, row.barcode])).toEqual([
      [1150, '4006381333931'],
      [null, null],
    ])
  })

  it('sets stock per variant through the stock adjustment with a reason, and counts low variants on the dashboard', async () => {
    const productId = await createProduct('Variant Tee Three', '20', '0')
    await saveOptionsAction(null, optionsForm(productId, [['Size', 'S, M']]))
    const [small, medium] = await variantsOf(productId)
    const adjust = (variantId: number, delta: string) => adjustStockAction(null, formData({ productId: String(productId), variantId: String(variantId), delta, reason: 'restock', note: 'delivery' }))
    const [{ slug } = { slug: '' }] = await sql<{ slug: string }[]>`select slug from products where id = ${productId}`
    cacheCalls.expired.length = 0
    expect(await adjust(must(small).id, '3')).toMatchObject({ ok: true, message: 'Stock of S is now 3.' })
    // The first stock of a sold-out product: its cards stop saying "Sold out". The second size changes no card.
    expect(cacheCalls.expired.toSorted()).toEqual(['catalog:cards', `catalog:product:${slug}`])
    cacheCalls.expired.length = 0
    expect(await adjust(must(medium).id, '12')).toMatchObject({ ok: true, message: 'Stock of M is now 12.' })
    expect(cacheCalls.expired).toEqual([`catalog:product:${slug}`])
    expect(await summaryOf(productId)).toMatchObject({ stock: 15 })
    const movements = await sql<{ variant_id: number; delta: number; reason: string }[]>`select variant_id, delta, reason from stock_movements where product_id = ${productId} order by id`
    expect(movements).toEqual([
      { variant_id: must(small).id, delta: 3, reason: 'restock' },
      { variant_id: must(medium).id, delta: 12, reason: 'restock' },
    ])
    expect(expectFailure(await adjust(must(small).id, '-4')).fieldErrors?.delta?.[0]).toBe('Stock cannot go below zero: there are 3 in stock, so you can remove at most 3.')

    const low = await lowStockVariants(10_000)
    expect(low.rows.find((row) => row.id === must(small).id)).toMatchObject({ title: 'S', stock: 3, product_id: productId })
    expect(low.rows.some((row) => row.id === must(medium).id)).toBe(false)
  })

  it('archives a removed variant that has orders, keeping it on the order, and deletes one that has none', async () => {
    const productId = await createProduct('Variant Tee Four', '20', '2')
    await saveOptionsAction(null, optionsForm(productId, [['Size', 'S, M, L']]))
    const [small, medium, large] = await variantsOf(productId)
    const orderId = await insertOrder({ totalCents: 2000, items: [{ productId, variantId: must(medium).id, quantity: 1, unitPriceCents: 2000 }] })
    expect(await saveOptionsAction(null, optionsForm(productId, [['Size', 'S']]))).toMatchObject({ ok: true, message: 'Options saved. 1 variant archived (they have orders), 1 variant deleted.' })
    const left = await variantsOf(productId)
    expect(left.map((row) => [row.id, row.option1, row.active])).toEqual([
      [must(small).id, 'S', true],
      [must(medium).id, 'M', false],
    ])
    expect(left.some((row) => row.id === must(large).id)).toBe(false)
    const [line] = await sql<{ variant_id: number }[]>`select variant_id from order_items where order_id = ${orderId}`
    expect(line?.variant_id).toBe(must(medium).id)
  })
})

describe('bad input changes nothing and is answered beside the field', () => {
  let productId: number
  let otherProductId: number
  let before: VariantRow[]
  beforeAll(async () => {
    signInAs(admin)
    productId = await createProduct('Variant Bad Input')
    otherProductId = await createProduct('Variant Other Product')
    await saveOptionsAction(null, optionsForm(productId, [['Size', 'S, M']]))
  })
  beforeEach(async () => {
    before = await variantsOf(productId)
  })
  const unchanged = async () => {
    expect(await variantsOf(productId)).toEqual(before)
    expect(await optionsOf(productId)).toEqual([{ name: 'Size', values: ['S', 'M'] }])
  }

  it('refuses duplicate SKUs in the form, and a SKU of another product', async () => {
    const edits = editsOf(before)
    const duplicate = expectFailure(await saveVariantsAction(null, variantsForm(productId, [must(edits[0]), { ...must(edits[1]), sku: must(edits[0]).sku.toLowerCase() }])))
    expect(duplicate.fieldErrors?.['variants.1.sku']).toEqual([`Row 1 already uses the SKU “${must(edits[0]).sku.toLowerCase()}”. Each variant needs its own.`])
    const [other] = await variantsOf(otherProductId)
    const taken = expectFailure(await saveVariantsAction(null, variantsForm(productId, [{ ...must(edits[0]), sku: must(other).sku }, must(edits[1])])))
    expect(taken.fieldErrors?.['variants.0.sku']).toEqual([`“Variant Other Product” already uses the SKU “${must(other).sku}”. Each variant needs its own.`])
    await unchanged()
  })

  it('refuses a variant id that is not the product’s, and a price below zero', async () => {
    const edits = editsOf(before)
    const [other] = await variantsOf(otherProductId)
    const foreign = expectFailure(
      await saveVariantsAction(
        null,
        variantsForm(productId, [
          { ...must(edits[0]), price: '1' },
          { id: must(other).id, sku: 'STOLEN-SKU', price: '1' },
        ]),
      ),
    )
    expect(foreign.fieldErrors?.['variants.1.id']).toEqual(['This is not one of this product’s variants. Reload the page and try again.'])
    const negative = expectFailure(await saveVariantsAction(null, variantsForm(productId, [{ ...must(edits[0]), price: '-5' }, must(edits[1])])))
    expect(negative.fieldErrors?.['variants.0.price']?.[0]).toMatch(/no negative amounts/)
    expect(
      expectFailure(await adjustStockAction(null, formData({ productId: String(productId), variantId: String(must(other).id), delta: '5', reason: 'restock', note: 'delivery' }))).fieldErrors
        ?.variantId,
    ).toEqual(['Choose a variant of this product.'])
    expect((await variantsOf(otherProductId))[0]).toEqual(other)
    await unchanged()
  })

  it('refuses more than three options and an option with no values', async () => {
    const four = expectFailure(
      await saveOptionsAction(
        null,
        optionsForm(productId, [
          ['Size', 'S, M'],
          ['Colour', 'Red'],
          ['Material', 'Cotton'],
          ['Fit', 'Slim'],
        ]),
      ),
    )
    expect(four.fieldErrors?.options).toEqual(['A product can have at most three options (like Size, Colour and Material).'])
    const empty = expectFailure(
      await saveOptionsAction(
        null,
        optionsForm(productId, [
          ['Size', 'S, M'],
          ['Colour', ''],
        ]),
      ),
    )
    expect(empty.fieldErrors?.['options.1.values']).toEqual(['Add at least one value for “Colour”, separated by commas (for example “S, M, L”).'])
    await unchanged()
  })
})
