import { describe, expect, it } from 'vitest'
import { isColourOption, lineName, pickerChoices, type ProductOption, selectVariant, swatchColour, variantTitle } from './variant-options'

const options: ProductOption[] = [
  { position: 1, name: 'Size', values: ['41', '42', '43'] },
  { position: 2, name: 'Colour', values: ['Black', 'Sand'] },
]
const variant = (id: number, option1: string, option2: string, stock: number) => ({ id, sku: `TR2-${option1}-${option2.toUpperCase()}`, option1, option2, option3: null, stock })
const variants = [variant(1, '41', 'Black', 0), variant(2, '42', 'Black', 3), variant(3, '42', 'Sand', 0), variant(4, '43', 'Sand', 5)]

describe('variant titles', () => {
  it('joins the option values, and leaves a default variant untitled', () => {
    expect(variantTitle({ option1: '42', option2: 'Black', option3: null })).toBe('42 / Black')
    expect(variantTitle({ option1: null, option2: null, option3: null })).toBe('')
    expect(lineName('Trail Runner 2', '42 / Black')).toBe('Trail Runner 2 — 42 / Black')
    expect(lineName('Brass Lamp', '')).toBe('Brass Lamp')
  })
})

describe('selectVariant', () => {
  it('takes the SKU from the URL in any case, else the first variant in stock', () => {
    expect(selectVariant(variants, 'tr2-42-sand')).toEqual({ variant: variants[2], unknown: false })
    expect(selectVariant(variants, undefined)).toEqual({ variant: variants[1], unknown: false })
  })

  it('flags a SKU this product does not sell and shows the first in stock instead', () => {
    expect(selectVariant(variants, 'OTHER-PRODUCT-SKU')).toEqual({ variant: variants[1], unknown: true })
    expect(selectVariant([], 'X')).toEqual({ variant: null, unknown: true })
  })
})

describe('pickerChoices', () => {
  it('marks each value selected, available, sold out or unavailable in combination with the current choice', () => {
    const black42 = variants[1]
    if (!black42) throw new Error('fixture missing')
    const [size, colour] = pickerChoices(options, variants, black42)
    expect(size?.choices).toEqual([
      { value: '41', state: 'sold_out', sku: 'TR2-41-BLACK' },
      { value: '42', state: 'selected', sku: 'TR2-42-BLACK' },
      // 43 / Black does not exist: shown as unavailable, linking to the 43 that does.
      { value: '43', state: 'unavailable', sku: 'TR2-43-SAND' },
    ])
    expect(colour?.choices).toEqual([
      { value: 'Black', state: 'selected', sku: 'TR2-42-BLACK' },
      { value: 'Sand', state: 'sold_out', sku: 'TR2-42-SAND' },
    ])
  })

  it('a value no variant has is unavailable with nowhere to go', () => {
    const [size] = pickerChoices([{ position: 1, name: 'Size', values: ['S', 'XXL'] }], [{ id: 9, sku: 'S', option1: 'S', option2: null, option3: null, stock: 1 }], {
      id: 9,
      sku: 'S',
      option1: 'S',
      option2: null,
      option3: null,
      stock: 1,
    })
    expect(size?.choices[1]).toEqual({ value: 'XXL', state: 'unavailable', sku: null })
  })
})

describe('colour swatches', () => {
  it('applies to an option named Colour or Color, with known colour names only', () => {
    expect(isColourOption('Colour')).toBe(true)
    expect(isColourOption(' color ')).toBe(true)
    expect(isColourOption('Colourway')).toBe(false)
    expect(swatchColour('Navy')).toMatch(/^#[0-9a-f]{6}$/)
    expect(swatchColour('Sunset Glow')).toBeNull()
  })
})
