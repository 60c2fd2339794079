import { describe, expect, it } from 'vitest'
import { nestedInvalid, nestedRows, optionsInputSchema, variantsInputSchema } from './variant-validation'

function form(fields: Record<string, string>) {
  const data = new FormData()
  for (const [key, value] of Object.entries(fields)) data.append(key, value)
  return data
}
const errorsOf = (schema: typeof optionsInputSchema | typeof variantsInputSchema, prefix: 'options' | 'variants', fields: Record<string, string>) => {
  const data = form(fields)
  const parsed = schema.safeParse({ productId: '1', [prefix]: nestedRows(data, prefix) })
  if (parsed.success) throw new Error('expected a refusal')
  return nestedInvalid(parsed.error, data).fieldErrors ?? {}
}

describe('the options form', () => {
  it('reads ordered values and ignores empty slots', () => {
    const data = form({ 'options.0.name': ' Size ', 'options.0.values': 'S, M,\nL', 'options.1.name': '', 'options.1.values': '', 'options.2.name': 'Colour', 'options.2.values': 'Red' })
    expect(optionsInputSchema.parse({ productId: '3', options: nestedRows(data, 'options') })).toEqual({
      productId: 3,
      options: [
        { name: 'Size', values: ['S', 'M', 'L'] },
        { name: 'Colour', values: ['Red'] },
      ],
    })
  })

  it('puts each problem beside its field', () => {
    expect(errorsOf(optionsInputSchema, 'options', { 'options.0.name': 'Size', 'options.0.values': ' , ' })).toEqual({
      'options.0.values': ['Add at least one value for “Size”, separated by commas (for example “S, M, L”).'],
    })
    expect(errorsOf(optionsInputSchema, 'options', { 'options.0.name': '', 'options.0.values': 'S' })).toHaveProperty(['options.0.name'])
    expect(errorsOf(optionsInputSchema, 'options', { 'options.0.name': 'Size', 'options.0.values': 'S, M, s' })['options.0.values']).toEqual(['“s” is listed twice.'])
    expect(errorsOf(optionsInputSchema, 'options', { 'options.0.name': 'Size', 'options.0.values': 'S', 'options.1.name': 'size', 'options.1.values': 'M' })['options.1.name']).toEqual([
      'Option 1 already has this name.',
    ])
  })

  it('refuses a fourth option and too many combinations', () => {
    const four = Object.fromEntries(
      [0, 1, 2, 3].flatMap((index) => [
        [`options.${index}.name`, `O${index}`],
        [`options.${index}.values`, 'a, b'],
      ]),
    )
    expect(errorsOf(optionsInputSchema, 'options', four).options).toEqual(['A product can have at most three options (like Size, Colour and Material).'])
    const values = Array.from({ length: 7 }, (_, n) => `v${n}`).join(',')
    const big = Object.fromEntries(
      [0, 1, 2].flatMap((index) => [
        [`options.${index}.name`, `O${index}`],
        [`options.${index}.values`, values],
      ]),
    )
    expect(errorsOf(optionsInputSchema, 'options', big).options?.[0]).toMatch(/343 combinations; a product can have at most 250 variants/)
  })
})

describe('the variants form', () => {
  const row = (index: number, fields: Record<string, string>) => Object.fromEntries(Object.entries(fields).map(([key, value]) => [`variants.${index}.${key}`, value]))

  it('reads each variant, with empty compare-at price and image as null', () => {
    const data = form({
      ...row(0, { id: '4', sku: ' TEE-S ', price: '12.5', compareAt: '', weightGrams: '', barcode: ' ', imageId: '', active: 'on' }),
      ...row(1, { id: '5', sku: 'TEE-M', price: '13', compareAt: '20', weightGrams: ' 180 ', barcode: ' 0012345678905 ', imageId: '9' }),
    })
    expect(variantsInputSchema.parse({ productId: '1', variants: nestedRows(data, 'variants') }).variants).toEqual([
      { id: 4, sku: 'TEE-S', price: 1250, compareAt: null, weightGrams: null, barcode: null, imageId: null, active: true },
      { id: 5, sku: 'TEE-M', price: 1300, compareAt: 2000, weightGrams: 180, barcode: '0012345678905', imageId: 9, active: false },
    ])
  })

  it('refuses duplicate SKUs, a price below zero and a compare-at price not above the price, beside the field', () => {
    const errors = errorsOf(variantsInputSchema, 'variants', {
      ...row(0, { id: '4', sku: 'TEE-S', price: '12' }),
      ...row(1, { id: '5', sku: 'tee-s', price: '-1' }),
      ...row(2, { id: '6', sku: 'TEE-L', price: '10', compareAt: '10' }),
    })
    expect(errors?.['variants.1.sku']).toEqual(['Row 1 already uses the SKU “tee-s”. Each variant needs its own.'])
    expect(errors?.['variants.1.price']?.[0]).toMatch(/no negative amounts/)
    expect(errors?.['variants.2.compareAt']?.[0]).toMatch(/must be higher than the price/)
    expect(errors).not.toHaveProperty(['variants.0.sku'])
  })

  it('refuses a weight that is not whole grams or is over a tonne, and a barcode with a line break', () => {
    const errors = errorsOf(variantsInputSchema, 'variants', {
      ...row(0, { id: '4', sku: 'A', price: '1', weightGrams: '1.5' }),
      ...row(1, { id: '5', sku: 'B', price: '1', weightGrams: '-3' }),
      ...row(2, { id: '6', sku: 'C', price: '1', weightGrams: '1000001' }),
      ...row(3, { id: '7', sku: 'D', price: '1', weightGrams: '1000000', barcode: '123\n456' }),
    })
    expect(errors['variants.0.weightGrams']).toEqual(['Enter the weight in whole grams, like 450, or leave it empty.'])
    expect(errors['variants.1.weightGrams']).toEqual(['Enter the weight in whole grams, like 450, or leave it empty.'])
    expect(errors['variants.2.weightGrams']).toEqual(['Enter a weight of at most 1,000,000 g (1 tonne).'])
    expect(errors).not.toHaveProperty(['variants.3.weightGrams'])
    expect(errors['variants.3.barcode']).toEqual(['A barcode cannot hold line breaks or control characters.'])
  })
})
