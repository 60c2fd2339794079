import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { sql } from '@/db/client'
import { parseCsv, toCsv } from '../csv/csv'
import { productsCsv } from '../exports'
import { insertOrder, productBySlug } from '@/lib/testing/admin'
import { createTestUser, expectFailure, formData, outcomeOf, signInAs, type TestUser } from '@/lib/testing/auth'
import { createCategoryAction, updateCategoryAction } from '../categories/actions'
import { saveProductAction } from './actions'
import { importProductsAction } from './import-actions'
import { saveOptionsAction } from './variant-actions'

function must<T>(value: T | undefined | null): T {
  if (value === undefined || value === null) throw new Error('expected a row')
  return value
}

vi.mock('next-auth', () => import('@/lib/testing/next-auth-mock'))
vi.mock('next/headers', () => import('@/lib/testing/next-headers-mock'))

let admin: TestUser
let category: { slug: string; name: string; id: number }

beforeAll(async () => {
  admin = await createTestUser({ role: 'admin' })
  const [row] = await sql<{ slug: string; name: string; id: number }[]>`select slug, name, id from categories order by id desc limit 1`
  if (!row) throw new Error('no category')
  category = row
})
beforeEach(() => signInAs(admin))
afterAll(async () => {
  await sql`delete from order_items where product_id in (select id from products where slug like 'imp-%')`
  await sql`delete from products where slug like 'imp-%'`
  await sql`delete from categories where slug like 'imp-%'`
})

const header = 'slug,name,description,price,stock,category,active,featured'
const shopify = 'Handle,Title,Description,Category,Option1 Name,Option1 Value,Option2 Name,Option2 Value,Variant SKU,Variant Price,Variant Compare At Price,Variant Inventory Qty'
const run = (csv: string, mode: 'preview' | 'import' = 'import', skipBadRows = false) => importProductsAction(null, formData({ csv, mode, ...(skipBadRows ? { skipBadRows: 'on' } : {}) }))
const count = async (prefix: string) => (await sql<{ n: number }[]>`select count(*)::int as n from products where slug like ${`${prefix}%`}`)[0]?.n ?? 0
const variantsOf = (slug: string) =>
  sql<{ sku: string; option1: string | null; option2: string | null; price_cents: number; compare_at_cents: number | null; stock: number; active: boolean }[]>`
    select v.sku, v.option1, v.option2, v.price_cents, v.compare_at_cents, v.stock, v.active from product_variants v join products p on p.id = v.product_id
    where p.slug = ${slug} order by v.position, v.id`

describe('CSV import, one row per variant', () => {
  it('previews products and their variants without writing, then creates them with options, stock history and listing summaries', async () => {
    const csv = [
      shopify,
      `imp-tee,Import Tee,"Soft, heavy cotton",${category.slug},Size,S,Colour,Black,IMP-TEE-S-BLK,20,25,3`,
      `imp-tee,,,,,S,,White,IMP-TEE-S-WHT,20,,0`,
      `imp-tee,,,,Size,M,Colour,Black,IMP-TEE-M-BLK,22.50,,7`,
      `imp-mug,Import Mug,,${category.name},,,,,IMP-MUG,9,,4`,
    ].join('\r\n')
    const preview = await run(csv, 'preview')
    expect(preview).toMatchObject({
      ok: true,
      message: '4 rows checked: 2 products with 4 variants (2 to create, 0 to update), 0 rows with errors. Nothing is written yet.',
      report: {
        rows: 4,
        products: 2,
        valid: 4,
        preview: [
          {
            handle: 'imp-tee',
            action: 'create',
            options: ['Size', 'Colour'],
            variants: [
              { line: 2, title: 'S / Black', sku: 'IMP-TEE-S-BLK', priceCents: 2000, stock: 3 },
              { line: 3, title: 'S / White', sku: 'IMP-TEE-S-WHT', priceCents: 2000, stock: 0 },
              { line: 4, title: 'M / Black', sku: 'IMP-TEE-M-BLK', priceCents: 2250, stock: 7 },
            ],
          },
          { handle: 'imp-mug', action: 'create', options: [], variants: [{ title: '', sku: 'IMP-MUG', priceCents: 900, stock: 4 }] },
        ],
      },
    })
    expect(await count('imp-')).toBe(0)

    expect(await run(csv)).toMatchObject({ ok: true, message: 'Imported: 2 created, 0 updated, 4 variants.' })
    expect(await productBySlug('imp-tee')).toMatchObject({ name: 'Import Tee', price_cents: 2000, stock: 10, category_id: category.id })
    expect((await sql<{ max_price_cents: number }[]>`select max_price_cents from products where slug = 'imp-tee'`)[0]?.max_price_cents).toBe(2250)
    expect(await variantsOf('imp-tee')).toEqual([
      { sku: 'IMP-TEE-S-BLK', option1: 'S', option2: 'Black', price_cents: 2000, compare_at_cents: 2500, stock: 3, active: true },
      { sku: 'IMP-TEE-S-WHT', option1: 'S', option2: 'White', price_cents: 2000, compare_at_cents: null, stock: 0, active: true },
      { sku: 'IMP-TEE-M-BLK', option1: 'M', option2: 'Black', price_cents: 2250, compare_at_cents: null, stock: 7, active: true },
    ])
    expect(await sql`select o.name, o.values from product_options o join products p on p.id = o.product_id where p.slug = 'imp-tee' order by o.position`).toEqual([
      { name: 'Size', values: ['S', 'M'] },
      { name: 'Colour', values: ['Black', 'White'] },
    ])
    const history = await sql<{ sku: string; delta: number; reason: string }[]>`
      select v.sku, m.delta, m.reason from stock_movements m join product_variants v on v.id = m.variant_id join products p on p.id = v.product_id
      where p.slug = 'imp-tee' order by m.id`
    expect(history).toEqual([
      { sku: 'IMP-TEE-S-BLK', delta: 3, reason: 'import' },
      { sku: 'IMP-TEE-M-BLK', delta: 7, reason: 'import' },
    ])
  })

  it('treats a product in the file as the whole product: updates by SKU, adds new rows, removes the rest (archived when ordered)', async () => {
    const csv = [shopify, `imp-cap,Import Cap,,${category.slug},Size,S,,,IMP-CAP-S,10,,1`, `imp-cap,,,,,M,,,IMP-CAP-M,10,,1`, `imp-cap,,,,,L,,,IMP-CAP-L,10,,1`].join('\n')
    expect(await run(csv)).toMatchObject({ ok: true })
    const [product] = await sql<{ id: number }[]>`select id from products where slug = 'imp-cap'`
    const [medium] = await sql<{ id: number }[]>`select id from product_variants where sku = 'IMP-CAP-M'`
    await insertOrder({ totalCents: 1000, items: [{ productId: must(product).id, variantId: must(medium).id, quantity: 1, unitPriceCents: 1000 }] })

    const next = [shopify, `imp-cap,Import Cap,,${category.slug},Size,S,,,IMP-CAP-S,11,,5`, `imp-cap,,,,,XL,,,IMP-CAP-XL,12,,2`].join('\n')
    expect(await run(next)).toMatchObject({ ok: true, message: 'Imported: 0 created, 1 updated, 2 variants, 2 variants not in the file removed (archived when ordered).' })
    expect((await variantsOf('imp-cap')).map((row) => [row.sku, row.option1, row.price_cents, row.stock, row.active])).toEqual([
      ['IMP-CAP-S', 'S', 1100, 5, true],
      ['IMP-CAP-XL', 'XL', 1200, 2, true],
      ['IMP-CAP-M', 'M', 1000, 1, false],
    ])
    expect(await productBySlug('imp-cap')).toMatchObject({ price_cents: 1100, stock: 7 })
  })

  it('leaves the listing price of a product whose variants are all archived as the listing rule keeps it', async () => {
    const head = 'Handle,Title,Category,Variant SKU,Variant Price,Variant Active'
    expect(await run(`${head}\nimp-arch,Archived Lamp,${category.slug},IMP-ARCH,10,yes\n`)).toMatchObject({ ok: true })
    expect(await run(`${head}\nimp-arch,Archived Lamp,${category.slug},IMP-ARCH,7,no\n`)).toMatchObject({ ok: true })
    expect(await variantsOf('imp-arch')).toMatchObject([{ price_cents: 700, active: false }])
    // No active variant: the product keeps the price it was listed at, and has no stock.
    expect(await productBySlug('imp-arch')).toMatchObject({ price_cents: 1000, stock: 0 })
  })

  it('names the row and the column of every problem and writes nothing: duplicate SKUs, another product’s SKU, a fourth option, a price below zero', async () => {
    const [other] = await sql<{ sku: string }[]>`select v.sku from product_variants v join products p on p.id = v.product_id where p.slug not like 'imp-%' order by v.id limit 1`
    const csv = [
      shopify,
      `imp-bad,Bad,,${category.slug},Size,S,,,IMP-BAD-S,10,,1`,
      `imp-bad,,,,,M,,,IMP-BAD-S,10,,1`,
      `imp-bad,,,,,L,,,IMP-BAD-L,-3,,1`,
      `imp-thief,Thief,,${category.slug},,,,,${other?.sku},5,,1`,
      `imp-good,Good,,${category.slug},,,,,IMP-GOOD,5,,1`,
    ].join('\n')
    const result = await run(csv)
    expect(expectFailure(result).error).toBe('Nothing was imported: 4 of 5 rows have errors. Fix them and import again, or tick “Skip bad rows”.')
    const byLine = Object.fromEntries((result?.report?.errors ?? []).map((error) => [error.line, error.messages.join(' ')]))
    expect(byLine[3]).toBe('Variant SKU “IMP-BAD-S” is already used on line 2. Each variant needs its own SKU.')
    expect(byLine[4]).toBe('Variant Price “-3” is below zero; prices start at 0.')
    expect(byLine[5]).toMatch(new RegExp(`^Variant SKU “${other?.sku}” belongs to another product`))
    expect(byLine[2]).toBe('Not imported because another row of “imp-bad” has an error.')
    expect(await count('imp-bad')).toBe(0)
    expect(await count('imp-thief')).toBe(0)
    expect(await count('imp-good')).toBe(0)

    expect(await run(csv, 'import', true)).toMatchObject({ ok: true, message: 'Imported: 1 created, 0 updated, 1 variant, 4 bad rows skipped.' })
    expect(await count('imp-good')).toBe(1)

    const four = await run(`${shopify},Option4 Name,Option4 Value\nimp-four,Four,,${category.slug},A,1,B,2,IMP-FOUR,1,,1,D,4\n`)
    expect(expectFailure(four).error).toBe('The column “Option4 Name” is not supported: a product can have at most three options (Option1 to Option3).')
    expect(await count('imp-four')).toBe(0)
  })
})

describe('CSV import: what a merchant’s own files run into', () => {
  it('a slug names its category even after a rename left the old name to a new category', async () => {
    expect(await createCategoryAction(null, formData({ name: 'Imp Lamps', slug: 'imp-lamps' }))).toMatchObject({ ok: true })
    const [lighting] = await sql<{ id: number }[]>`select id from categories where slug = 'imp-lamps'`
    expect(await updateCategoryAction(null, formData({ id: String(lighting?.id), name: 'Imp Lighting' }))).toMatchObject({ ok: true })
    expect(await createCategoryAction(null, formData({ name: 'Imp Lamps', slug: 'imp-lamps-new' }))).toMatchObject({ ok: true })
    expect(await run([shopify, `imp-brass-lamp,Brass Lamp,,imp-lamps,,,,,IMP-BRASS,30,,2`].join('\n'))).toMatchObject({ ok: true })
    expect((await productBySlug('imp-brass-lamp'))?.category_id).toBe(lighting?.id)
    // By name, the new "Imp Lamps" is meant; a name two categories share is refused on its line.
    expect(await createCategoryAction(null, formData({ name: 'Imp Lighting', slug: 'imp-lighting-two' }))).toMatchObject({ ok: true })
    const ambiguous = expectFailure(await run([shopify, `imp-desk-lamp,Desk Lamp,,Imp Lighting,,,,,IMP-DESK,30,,2`].join('\n')))
    expect(JSON.stringify(ambiguous)).toContain('Two categories are called “Imp Lighting”: use the category’s slug instead.')
  })

  it('a made-up SKU another product already holds (from a slug it had before) is passed over, not a failed import', async () => {
    expect(await run([shopify, `imp-old-handle,Old Lamp,,${category.slug},,,,,IMP-NEW-HANDLE,20,,1`].join('\n'))).toMatchObject({ ok: true })
    // A new product now takes the handle whose made-up SKU the first one holds.
    expect(await run([shopify, `imp-new-handle,New Lamp,,${category.slug},,,,,,30,,2`, `imp-other-handle,Other Lamp,,${category.slug},,,,,,10,,1`].join('\n'))).toMatchObject({ ok: true })
    const [made] = await variantsOf('imp-new-handle')
    expect(made?.sku).toMatch(/^IMP-NEW-HANDLE./)
    expect(await variantsOf('imp-other-handle')).toHaveLength(1)
  })

  it('a product’s own export imports back after an option was removed and after a value was put first', async () => {
    const optionsForm = (productId: number, options: [string, string][]) =>
      formData({
        productId: String(productId),
        ...Object.fromEntries(
          options.flatMap(([name, values], index) => [
            [`options.${index}.name`, name],
            [`options.${index}.values`, values],
          ]),
        ),
      })
    const optionsOf = (productId: number) => sql<{ name: string; values: string[] }[]>`select name, values from product_options where product_id = ${productId} order by position`
    const exportOf = async (slug: string) => {
      const [exportHeader = [], ...rows] = parseCsv(await new Response(productsCsv()).text())
      return toCsv(
        exportHeader,
        rows.filter((row) => row[0] === slug),
      )
    }
    expect(await run([shopify, `imp-round-tee,Round Tee,,${category.slug},Size,S,Colour,Red,IMP-ROUND-S-RED,20,,3`, `imp-round-tee,,,,,S,,Blue,IMP-ROUND-S-BLUE,20,,3`].join('\n'))).toMatchObject({
      ok: true,
    })
    const tee = must(await productBySlug('imp-round-tee'))
    const [blue] = await sql<{ id: number }[]>`select id from product_variants where sku = 'IMP-ROUND-S-BLUE'`
    await insertOrder({ totalCents: 2_000, items: [{ productId: tee.id, variantId: blue?.id, quantity: 1, unitPriceCents: 2_000 }] })
    // Colour goes: S/Red becomes "S", S/Blue (it has an order) is archived with its values.
    expect(await saveOptionsAction(null, optionsForm(tee.id, [['Size', 'S']]))).toMatchObject({ ok: true })
    expect(await run(await exportOf('imp-round-tee'))).toMatchObject({ ok: true })
    // A size put in front keeps its place through the round trip.
    expect(await saveOptionsAction(null, optionsForm(tee.id, [['Size', 'XS, S']]))).toMatchObject({ ok: true })
    expect(await run(await exportOf('imp-round-tee'))).toMatchObject({ ok: true })
    expect(await optionsOf(tee.id)).toEqual([{ name: 'Size', values: ['XS', 'S'] }])
  })

  it('an invisible NUL pasted into a description is dropped rather than failing the save', async () => {
    expect(await run([shopify, `imp-nul-good,Good,Fine,${category.slug},,,,,IMP-NUL-1,10,,1`, `imp-nul-bad,Bad,"pasted\u0000text",${category.slug},,,,,IMP-NUL-2,10,,1`].join('\n'))).toMatchObject({
      ok: true,
    })
    expect(await sql`select description from products where slug = 'imp-nul-bad'`).toEqual([{ description: 'pastedtext' }])
    const saved = await outcomeOf(
      saveProductAction(null, formData({ name: 'Imp Nul Form', slug: 'imp-nul-form', price: '20', stock: '5', categoryId: String(category.id), description: 'a\u0000b', active: 'on' })),
    )
    expect(saved.kind).toBe('redirect')
    expect(await sql`select description from products where slug = 'imp-nul-form'`).toEqual([{ description: 'ab' }])
  })
})

describe('CSV import of variant weights and barcodes', () => {
  const head = 'Handle,Title,Category,Option1 Name,Option1 Value,Variant SKU,Variant Price,Variant Grams,Variant Barcode'
  const weightsOf = (slug: string) =>
    sql<{ sku: string; price_cents: number; weight_grams: number | null; barcode: string | null }[]>`
      select v.sku, v.price_cents, v.weight_grams, v.barcode from product_variants v join products p on p.id = v.product_id
      where p.slug = ${slug} order by v.position, v.id`

  it('stores Variant Grams and Variant Barcode, keeps them when a later file leaves the columns out, and clears them when left empty', async () => {
    const csv = [head, `imp-ship,Shipping Jar,${category.slug},Size,S,IMP-SHIP-S,5,250,4006381333931`, `imp-ship,,,,M,IMP-SHIP-M,6,1200,`].join('\n')
    expect(await run(csv)).toMatchObject({ ok: true, message: 'Imported: 1 created, 0 updated, 2 variants.' })
    expect(await weightsOf('imp-ship')).toEqual([
      { sku: 'IMP-SHIP-S', price_cents: 500, weight_grams: 250, barcode: '4006381333931' },
      { sku: 'IMP-SHIP-M', price_cents: 600, weight_grams: 1200, barcode: null },
    ])

    const withoutColumns = [
      'Handle,Title,Category,Option1 Name,Option1 Value,Variant SKU,Variant Price',
      `imp-ship,Shipping Jar,${category.slug},Size,S,IMP-SHIP-S,7`,
      `imp-ship,,,,M,IMP-SHIP-M,8`,
    ].join('\n')
    expect(await run(withoutColumns)).toMatchObject({ ok: true, message: 'Imported: 0 created, 1 updated, 2 variants.' })
    expect(await weightsOf('imp-ship')).toEqual([
      { sku: 'IMP-SHIP-S', price_cents: 700, weight_grams: 250, barcode: '4006381333931' },
      { sku: 'IMP-SHIP-M', price_cents: 800, weight_grams: 1200, barcode: null },
    ])

    const changed = [head, `imp-ship,Shipping Jar,${category.slug},Size,S,IMP-SHIP-S,7,300,`, `imp-ship,,,,M,IMP-SHIP-M,8,,IMP-BC-M`].join('\n')
    expect(await run(changed)).toMatchObject({ ok: true })
    expect(await weightsOf('imp-ship')).toEqual([
      { sku: 'IMP-SHIP-S', price_cents: 700, weight_grams: 300, barcode: null },
      { sku: 'IMP-SHIP-M', price_cents: 800, weight_grams: null, barcode: 'IMP-BC-M' },
    ])
  })

  it('refuses a bad Variant Grams with its line and writes nothing', async () => {
    const result = await run([head, `imp-heavy,Heavy,${category.slug},,,IMP-HEAVY,5,2000000,`].join('\n'))
    expect(result?.report?.errors).toEqual([{ line: 2, handle: 'imp-heavy', messages: ['Variant Grams “2000000” must be at most 1,000,000 grams.'] }])
    expect(await count('imp-heavy')).toBe(0)
  })

  it('exports them in the columns the import reads, so an export imports back unchanged', async () => {
    const csv = [head, `imp-trip,Round Trip,${category.slug},Size,S,IMP-TRIP-S,5,80,+4006381333931`, `imp-trip,,,,M,IMP-TRIP-M,6,,`].join('\n')
    expect(await run(csv)).toMatchObject({ ok: true })
    const [exportHeader = [], ...exported] = parseCsv(await new Response(productsCsv()).text())
    const rows = exported.filter((record) => record[0] === 'imp-trip')
    expect(rows).toHaveLength(2)

    await sql`update product_variants set weight_grams = 5, barcode = 'STALE' where product_id = (select id from products where slug = 'imp-trip')`
    expect(await run(toCsv(exportHeader, rows))).toMatchObject({ ok: true, message: 'Imported: 0 created, 1 updated, 2 variants.' })
    expect(await weightsOf('imp-trip')).toEqual([
      { sku: 'IMP-TRIP-S', price_cents: 500, weight_grams: 80, barcode: '+4006381333931' },
      { sku: 'IMP-TRIP-M', price_cents: 600, weight_grams: null, barcode: null },
    ])
  })
})

describe('CSV import, our earlier one-row-per-product columns', () => {
  it('still creates and updates single-variant products by slug, with stock history', async () => {
    const csv = `\ufeff${header}\r\nimp-good-1,"Good, one","Says ""hi""",12.50,4,${category.slug},yes,no\r\nimp-good-2,Good two,,3,0,${category.name},true,true\r\n`
    expect(await run(csv)).toMatchObject({ ok: true, message: 'Imported: 2 created, 0 updated, 2 variants.', report: { applied: true } })
    expect(await productBySlug('imp-good-1')).toMatchObject({ name: 'Good, one', price_cents: 1250, stock: 4, active: true, featured: false, category_id: category.id })
    expect(await productBySlug('imp-good-2')).toMatchObject({ featured: true, stock: 0 })

    const update = `slug,name,price,stock,category\nimp-good-1,Good one renamed,13,9,${category.slug}\n`
    expect(await run(update)).toMatchObject({ ok: true, message: 'Imported: 0 created, 1 updated, 1 variant.' })
    expect(await productBySlug('imp-good-1')).toMatchObject({ name: 'Good one renamed', price_cents: 1300, stock: 9, featured: false })
    const [description] = await sql<{ description: string }[]>`select description from products where slug = 'imp-good-1'`
    expect(description?.description).toBe('Says "hi"')
    const variants = await variantsOf('imp-good-1')
    expect(variants).toHaveLength(1)
    expect(variants[0]).toMatchObject({ option1: null, price_cents: 1300, stock: 9, sku: 'IMP-GOOD-1' })
  })

  it('refuses a file with bad quoting or a bad encoding, writing nothing', async () => {
    const before = await count('imp-')
    expect(expectFailure(await run('sku,vendor,price\nx,y,1\n')).error).toMatch(/^Unknown column: “vendor”/)
    expect(expectFailure(await run('slug,name,price\nx,y,1\n')).error).toMatch(/^Missing column: Category/)
    expect(expectFailure(await run(`${header}\nimp-q,"open,1,1,${category.slug}\n`)).error).toMatch(/never closed/)
    const latin1 = new File(
      [new Uint8Array([...new TextEncoder().encode(`slug,name,price,category\nimp-latin,Cr`), 0xe8, 0x6d, 0x65, ...new TextEncoder().encode(`,1,${category.slug}\n`)])],
      'latin1.csv',
    )
    const form = formData({ mode: 'import' })
    form.set('file', latin1)
    expect(expectFailure(await importProductsAction(null, form)).error).toMatch(/not UTF-8/)
    expect(expectFailure(await run('')).fieldErrors?.file).toBeDefined()
    expect(await count('imp-')).toBe(before)
  })

  it('reports 1,000 bad rows (the first 200 listed) and writes nothing', async () => {
    const lines = [header]
    for (let i = 0; i < 1_000; i++) lines.push(`imp-bad-${i},Bad ${i},,-${i + 1},1,${category.slug},,`)
    const result = await run(lines.join('\n'))
    expectFailure(result)
    expect(result?.report).toMatchObject({ rows: 1_000, valid: 0, errorCount: 1_000 })
    expect(result?.report?.errors).toHaveLength(200)
    expect(await count('imp-bad-')).toBe(0)
    expect(expectFailure(await run(lines.join('\n'), 'import', true)).error).toBe('Nothing was imported: no row is valid.')
  })
})

describe('CSV import in bulk (timed by npm run bench:import, not here)', () => {
  it('imports 2,000 variant rows of 500 products and updates them all on a second run', async () => {
    const lines = [shopify]
    for (let i = 0; i < 2_000; i++) {
      const product = Math.floor(i / 4)
      const first = i % 4 === 0
      lines.push(
        `imp-bulk-${product},${first ? `Bulk tee ${product}` : ''},,${first ? category.slug : ''},${first ? 'Size' : ''},${['S', 'M', 'L', 'XL'][i % 4]},,,IMP-BULK-${i},${(product % 50) + 1}.99,,${i % 7}`,
      )
    }
    const csv = lines.join('\r\n')
    expect(await run(csv)).toMatchObject({ ok: true, message: 'Imported: 500 created, 0 updated, 2,000 variants.' })
    expect(await run(csv.replace(/Bulk tee/g, 'Bulk shirt'))).toMatchObject({ ok: true, message: 'Imported: 0 created, 500 updated, 2,000 variants.' })
    // Product 499: rows 1996..1999, stock 1996 % 7 .. 1999 % 7 = 1 + 2 + 3 + 4.
    expect(await productBySlug('imp-bulk-499')).toMatchObject({ name: 'Bulk shirt 499', price_cents: 5099, stock: 10 })
    expect((await sql<{ n: number }[]>`select count(*)::int as n from product_variants v join products p on p.id = v.product_id where p.slug like 'imp-bulk-%'`)[0]?.n).toBe(2_000)
    await sql`delete from products where slug like 'imp-bulk-%'`
  }, 120_000)
})
