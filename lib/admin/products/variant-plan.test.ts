import { describe, expect, it } from 'vitest'
import { combinations, type ExistingVariant, planVariants, suggestSku, variantTitle } from './variant-plan'

const size = { name: 'Size', values: ['S', 'M'] }
const colour = { name: 'Colour', values: ['Red', 'Blue'] }
const variant = (id: number, values: (string | null)[], extra: Partial<ExistingVariant> = {}): ExistingVariant => ({
  id,
  values: [values[0] ?? null, values[1] ?? null, values[2] ?? null],
  hasOrders: false,
  active: true,
  ...extra,
})

describe('combinations', () => {
  it('lists every combination, the first option slowest, and one empty combination without options', () => {
    expect(combinations([size, colour])).toEqual([
      ['S', 'Red', null],
      ['S', 'Blue', null],
      ['M', 'Red', null],
      ['M', 'Blue', null],
    ])
    expect(combinations([])).toEqual([[null, null, null]])
  })
})

describe('planVariants', () => {
  it('turns the default variant into the first size when a Size option is added, and creates the other sizes', () => {
    const plan = planVariants([], [{ name: 'Size', values: ['S', 'M', 'L'] }], [variant(7, [])])
    expect(plan.keep).toEqual([{ id: 7, values: ['S', null, null] }])
    expect(plan.create).toEqual([
      ['M', null, null],
      ['L', null, null],
    ])
    expect(plan.remove).toEqual([])
    expect(plan.archive).toEqual([])
  })

  it('keeps every existing variant when a value is added, creating only the new combinations', () => {
    const existing = [variant(1, ['S', 'Red']), variant(2, ['S', 'Blue']), variant(3, ['M', 'Red']), variant(4, ['M', 'Blue'])]
    const plan = planVariants([size, colour], [{ name: 'Size', values: ['S', 'M', 'L'] }, colour], existing)
    expect(plan.keep.map((kept) => kept.id)).toEqual([1, 2, 3, 4])
    expect(plan.create).toEqual([
      ['L', 'Red', null],
      ['L', 'Blue', null],
    ])
  })

  it('removes the variants of a removed value: deleted when never ordered, archived when ordered', () => {
    const existing = [variant(1, ['S']), variant(2, ['M'], { hasOrders: true }), variant(3, ['L'])]
    const plan = planVariants([{ name: 'Size', values: ['S', 'M', 'L'] }], [{ name: 'Size', values: ['S'] }], existing)
    expect(plan.keep).toEqual([{ id: 1, values: ['S', null, null] }])
    expect(plan.archive).toEqual([2])
    expect(plan.remove).toEqual([3])
    expect(plan.create).toEqual([])
  })

  it('follows a renamed option and matches values whatever their case', () => {
    const plan = planVariants([size], [{ name: 'Shoe size', values: ['s', 'M'] }], [variant(1, ['S']), variant(2, ['M'])])
    expect(plan.keep).toEqual([
      { id: 1, values: ['s', null, null] },
      { id: 2, values: ['M', null, null] },
    ])
    expect(plan.create).toEqual([])
  })

  it('collapses variants when an option is removed, keeping the first', () => {
    const existing = [variant(1, ['S', 'Red']), variant(2, ['S', 'Blue'], { hasOrders: true }), variant(3, ['M', 'Red'])]
    const plan = planVariants([size, colour], [size], existing)
    expect(plan.keep).toEqual([
      { id: 1, values: ['S', null, null] },
      { id: 3, values: ['M', null, null] },
    ])
    expect(plan.archive).toEqual([2])
  })

  it('leaves an archived, ordered variant that no longer fits alone and does not re-create its combination', () => {
    const plan = planVariants([size], [size], [variant(1, ['S']), variant(2, ['M'], { hasOrders: true, active: false })])
    expect(plan.keep.map((kept) => kept.id)).toEqual([1, 2])
    const dropped = planVariants([size], [{ name: 'Size', values: ['S'] }], [variant(1, ['S']), variant(2, ['M'], { hasOrders: true, active: false })])
    expect(dropped).toEqual({ keep: [{ id: 1, values: ['S', null, null] }], create: [], archive: [], remove: [] })
  })
})

describe('suggestSku and variantTitle', () => {
  it('makes SKUs from the slug and the values, avoiding taken ones', () => {
    const taken = new Set(['mug-blue'])
    expect(suggestSku('mug', ['Blue', null, null], taken)).toBe('MUG-BLUE-2')
    expect(suggestSku('mug', ['Crème brûlée', 'XL', null], taken)).toBe('MUG-CREME-BRULEE-XL')
    expect(suggestSku('mug', [null, null, null], taken)).toBe('MUG')
    expect(variantTitle(['42', 'Black', null])).toBe('42 / Black')
    expect(variantTitle([null, null, null])).toBe('')
  })
})
