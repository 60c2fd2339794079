import { describe, expect, it } from 'vitest'
import { parseCsv, toCsv } from '../csv/csv'
import { readHeader, readVariantRows, variantCsvColumns, variantCsvRows } from './variant-csv'

function read(text: string) {
  const [header = [], ...body] = parseCsv(text)
  const columns = readHeader(header)
  if (!columns.ok) throw new Error(columns.error)
  return readVariantRows(columns.columns, body)
}
const head = 'Handle,Title,Category,Option1 Name,Option1 Value,Option2 Name,Option2 Value,Variant SKU,Variant Price,Variant Compare At Price,Variant Inventory Qty,Image Src'

describe('readHeader', () => {
  it('accepts Shopify’s names and our earlier columns, whatever the case', () => {
    expect(readHeader(['handle', 'TITLE', 'Body (HTML)', 'Category', 'Variant Price'])).toEqual({ ok: true, columns: ['Handle', 'Title', 'Description', 'Category', 'Variant Price'] })
    expect(readHeader(['slug', 'name', 'price', 'stock', 'category'])).toMatchObject({ ok: true, columns: ['Handle', 'Title', 'Variant Price', 'Variant Inventory Qty', 'Category'] })
  })

  it('explains a fourth option, an unknown, missing or repeated column', () => {
    expect(readHeader(['Handle', 'Title', 'Category', 'Variant Price', 'Option4 Name'])).toEqual({
      ok: false,
      error: 'The column “Option4 Name” is not supported: a product can have at most three options (Option1 to Option3).',
    })
    expect(readHeader(['Handle', 'Title', 'Category', 'Variant Price', 'Vendor'])).toMatchObject({ ok: false, error: expect.stringMatching(/^Unknown column: “Vendor”/) })
    expect(readHeader(['Handle', 'Title', 'Category'])).toMatchObject({ ok: false, error: expect.stringMatching(/^Missing column: Variant Price/) })
    expect(readHeader(['Handle', 'slug', 'Title', 'Category', 'Variant Price'])).toMatchObject({ ok: false, error: expect.stringMatching(/“Handle” appears twice/) })
  })
})

describe('readVariantRows', () => {
  it('groups rows sharing a handle into one product with its options in first-seen order', () => {
    const { products, errors } = read(
      `${head}\ntee,Tee,apparel,Size,S,Colour,Red,TEE-S-RED,10,15,3,https://x/red.png\ntee,,,,S,,Blue,TEE-S-BLUE,10,,0,\ntee,,,Size,M,Colour,Red,TEE-M-RED,12.50,,,\nmug,Mug,home,,,,,MUG,8,,4,\n`,
    )
    expect(errors).toEqual([])
    expect(products).toHaveLength(2)
    expect(products[0]).toMatchObject({
      handle: 'tee',
      line: 2,
      title: 'Tee',
      category: 'apparel',
      options: [
        { name: 'Size', values: ['S', 'M'] },
        { name: 'Colour', values: ['Red', 'Blue'] },
      ],
    })
    expect(products[0]?.variants).toEqual([
      { line: 2, values: ['S', 'Red', null], sku: 'TEE-S-RED', priceCents: 1000, compareAtCents: 1500, stock: 3, active: null, weightGrams: null, barcode: null, imageSrc: 'https://x/red.png' },
      { line: 3, values: ['S', 'Blue', null], sku: 'TEE-S-BLUE', priceCents: 1000, compareAtCents: null, stock: 0, active: null, weightGrams: null, barcode: null, imageSrc: null },
      { line: 4, values: ['M', 'Red', null], sku: 'TEE-M-RED', priceCents: 1250, compareAtCents: null, stock: null, active: null, weightGrams: null, barcode: null, imageSrc: null },
    ])
    expect(products[1]).toMatchObject({ handle: 'mug', options: [], variants: [{ values: [null, null, null], sku: 'MUG', priceCents: 800, stock: 4 }] })
  })

  it('reads Shopify’s “Title / Default Title” as a product without options', () => {
    const { products, errors } = read(`Handle,Title,Category,Option1 Name,Option1 Value,Variant Price\nbag,Bag,home,Title,Default Title,20\n`)
    expect(errors).toEqual([])
    expect(products[0]).toMatchObject({ options: [], variants: [{ values: [null, null, null], priceCents: 2000 }] })
  })

  it('names the line and the column of every problem, and leaves out the whole product', () => {
    const { products, errors } = read(
      [
        head,
        'tee,Tee,apparel,Size,S,,,TEE-S,10,,1,',
        'tee,,,Size,M,,,TEE-S,-2,,x,',
        'tee,,,Size,,,,TEE-L,10,,,',
        'tee,,,Size,S,,,TEE-S2,10,,,',
        'cap,Cap,apparel,,,Colour,Red,CAP,5,5,,',
        'mug,Mug,home,,,,,MUG,8,,,',
        'mug,Mug,home,,,,,MUG-2,8,,,',
        'BAD HANDLE,X,home,,,,,X,1,,,',
      ].join('\n'),
    )
    expect(products).toEqual([])
    const byLine = Object.fromEntries(errors.map((error) => [error.line, error.messages]))
    expect(byLine[2]).toEqual(['Not imported because another row of “tee” has an error.'])
    expect(byLine[3]).toEqual([
      'Variant SKU “TEE-S” is already used on line 2. Each variant needs its own SKU.',
      'Variant Price “-2” is below zero; prices start at 0.',
      'Variant Inventory Qty “x” must be a whole number, 0 or more.',
    ])
    expect(byLine[4]).toEqual(['Option1 Value is empty, but the product has the option “Size”.'])
    expect(byLine[5]).toEqual(['The option values S are already used on line 2 of this product.'])
    expect(byLine[6]).toEqual([
      'Option2 Name is given but Option1 Name is empty: fill the options in order.',
      'Variant Compare At Price must be higher than Variant Price (it is shown struck through), or empty.',
    ])
    expect(byLine[8]?.[0]).toMatch(/^Handle “mug” is already used on line 7, and the product has no options/)
    expect(byLine[9]).toEqual(['Handle “bad handle” may hold only lowercase letters, digits and single hyphens.'])
  })

  it('reads Variant Grams as whole grams and Variant Barcode as text, either empty for none', () => {
    const { products, errors } = read(
      [
        'Handle,Title,Category,Option1 Name,Option1 Value,Variant Price,Variant Grams,Variant Barcode',
        'jar,Jar,home,Size,S,5,0,',
        'jar,,,,M,5,250,0123456789012',
        'jar,,,,L,5,1000000,',
        'jar,,,,XL,5,,ABC-1',
      ].join('\n'),
    )
    expect(errors).toEqual([])
    expect(products[0]?.variants.map((variant) => [variant.weightGrams, variant.barcode])).toEqual([
      [0, null],
      [250, '0123456789012'],
      [1_000_000, null],
      [null, 'ABC-1'],
    ])
  })

  it('refuses grams that are not whole grams from 0 to 1,000,000, and a barcode with a control character or over 64 characters', () => {
    const { products, errors } = read(
      [
        'Handle,Title,Category,Variant SKU,Variant Price,Variant Grams,Variant Barcode',
        'a,A,home,A,1,-5,',
        'b,B,home,B,1,1.5,',
        'c,C,home,C,1,abc,',
        'd,D,home,D,1,2000000,',
        'e,E,home,E,1,,12\t34',
        'f,F,home,F,1,,"12\n34"',
        `g,G,home,G,1,,${'9'.repeat(65)}`,
      ].join('\n'),
    )
    expect(products).toEqual([])
    const byLine = Object.fromEntries(errors.map((error) => [error.line, error.messages]))
    expect(byLine[2]).toEqual(['Variant Grams “-5” must be whole grams, like 250 (no units or decimals).'])
    expect(byLine[3]).toEqual(['Variant Grams “1.5” must be whole grams, like 250 (no units or decimals).'])
    expect(byLine[4]).toEqual(['Variant Grams “abc” must be whole grams, like 250 (no units or decimals).'])
    expect(byLine[5]).toEqual(['Variant Grams “2000000” must be at most 1,000,000 grams.'])
    expect(byLine[6]).toEqual(['Variant Barcode “12\t34” cannot hold line breaks or control characters.'])
    expect(byLine[7]).toEqual(['Variant Barcode “12\n34” cannot hold line breaks or control characters.'])
    expect(byLine[8]).toEqual([`Variant Barcode “${'9'.repeat(65)}” is longer than 64 characters.`])
  })
})

describe('variantCsvRows', () => {
  it('writes one row per variant with the product columns on the first, and reads back the same product', () => {
    const rows = variantCsvRows({
      slug: 'tee',
      name: 'Tee, plain',
      description: 'Soft "cotton"',
      category: 'apparel',
      active: true,
      featured: false,
      options: [{ name: 'Size', values: ['S', 'M'] }],
      variants: [
        { values: ['S', null, null], sku: 'TEE-S', priceCents: 1000, compareAtCents: 1500, stock: 2, active: true, weightGrams: 180, barcode: '+4006381333931', imageUrl: '/uploads/a.png' },
        { values: ['M', null, null], sku: 'TEE-M', priceCents: 1100, compareAtCents: null, stock: 0, active: false, weightGrams: null, barcode: null, imageUrl: null },
      ],
    })
    expect(rows[1]).toEqual(['tee', '', '', '', '', '', '', 'M', '', '', '', '', 'TEE-M', '11', '', 0, false, '', '', ''])
    const { products, errors } = read(toCsv([...variantCsvColumns], rows))
    expect(errors).toEqual([])
    expect(products[0]).toMatchObject({
      title: 'Tee, plain',
      description: 'Soft "cotton"',
      active: true,
      featured: false,
      options: [{ name: 'Size', values: ['S', 'M'] }],
      variants: [
        { sku: 'TEE-S', priceCents: 1000, compareAtCents: 1500, stock: 2, active: true, weightGrams: 180, barcode: '+4006381333931', imageSrc: '/uploads/a.png' },
        { sku: 'TEE-M', priceCents: 1100, stock: 0, active: false, weightGrams: null, barcode: null },
      ],
    })
  })
})
