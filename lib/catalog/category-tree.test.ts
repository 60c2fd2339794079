import { describe, expect, it } from 'vitest'
import { ancestry, childrenOf, descendantIds, flattenTree, rollUpCounts } from './category-tree'
import type { Category } from './types'

function category(id: number, slug: string, parentId: number | null, position: number): Category {
  return { id, slug, name: slug[0]?.toUpperCase() + slug.slice(1), description: '', parentId, position }
}

// Deliberately out of order, with ids that do not follow positions.
const categories: Category[] = [
  category(7, 'garden', null, 2),
  category(3, 'speakers', 1, 1),
  category(1, 'audio', null, 0),
  category(2, 'headphones', 1, 0),
  category(9, 'earbuds', 2, 0),
  category(4, 'kitchen', null, 1),
  category(5, 'knives', 4, 0),
  category(8, 'tools', 7, 0),
  category(6, 'mugs', 4, 0), // same position as knives: name breaks the tie
]

const slugs = (list: { slug: string }[]) => list.map((item) => item.slug)

describe('childrenOf', () => {
  it('lists direct children by position, then name', () => {
    expect(slugs(childrenOf(categories, null))).toEqual(['audio', 'kitchen', 'garden'])
    expect(slugs(childrenOf(categories, 4))).toEqual(['knives', 'mugs'])
    expect(childrenOf(categories, 9)).toEqual([])
  })
})

describe('descendantIds', () => {
  it('returns the category itself first, then every category below it at any depth', () => {
    expect(descendantIds(categories, 1)).toEqual([1, 3, 2, 9])
    expect(new Set(descendantIds(categories, 4))).toEqual(new Set([4, 5, 6]))
  })

  it('returns just the category for a leaf', () => {
    expect(descendantIds(categories, 9)).toEqual([9])
    expect(descendantIds(categories, 8)).toEqual([8])
  })

  it('does not mix in other branches', () => {
    expect(descendantIds(categories, 2)).toEqual([2, 9])
  })

  it('returns the id alone for an unknown category', () => {
    expect(descendantIds(categories, 404)).toEqual([404])
    expect(descendantIds([], 1)).toEqual([1])
  })

  it('terminates on a parent cycle in bad data, listing each id once', () => {
    const cyclic = [category(1, 'a', 2, 0), category(2, 'b', 1, 0), category(3, 'c', 2, 0)]
    const ids = descendantIds(cyclic, 1)
    expect(new Set(ids)).toEqual(new Set([1, 2, 3]))
    expect(ids).toHaveLength(3)
  })
})

describe('ancestry', () => {
  it('lists the root first, ending with the category itself', () => {
    expect(slugs(ancestry(categories, 9))).toEqual(['audio', 'headphones', 'earbuds'])
    expect(slugs(ancestry(categories, 5))).toEqual(['kitchen', 'knives'])
    expect(slugs(ancestry(categories, 1))).toEqual(['audio'])
  })

  it('is empty for an unknown category', () => {
    expect(ancestry(categories, 404)).toEqual([])
  })

  it('stops at a missing parent', () => {
    expect(slugs(ancestry([category(1, 'orphan', 99, 0)], 1))).toEqual(['orphan'])
  })

  it('terminates on a parent cycle', () => {
    const cyclic = [category(1, 'a', 2, 0), category(2, 'b', 1, 0)]
    expect(ancestry(cyclic, 1).length).toBeLessThanOrEqual(32)
  })
})

describe('flattenTree', () => {
  it('walks depth first, parents before children, siblings by position then name', () => {
    expect(flattenTree(categories).map(({ category, depth }) => `${depth}:${category.slug}`)).toEqual([
      '0:audio',
      '1:headphones',
      '2:earbuds',
      '1:speakers',
      '0:kitchen',
      '1:knives',
      '1:mugs',
      '0:garden',
      '1:tools',
    ])
  })

  it('includes every category reachable from a root exactly once', () => {
    const ids = flattenTree(categories).map(({ category }) => category.id)
    expect(ids.toSorted((a, b) => a - b)).toEqual(categories.map((c) => c.id).toSorted((a, b) => a - b))
  })

  it('is empty for no categories', () => {
    expect(flattenTree([])).toEqual([])
  })
})

describe('rollUpCounts', () => {
  it('adds each count to the category and all its ancestors', () => {
    const totals = rollUpCounts(
      categories,
      new Map([
        [9, 2], // earbuds → headphones → audio
        [2, 3], // headphones → audio
        [3, 4], // speakers → audio
        [5, 1], // knives → kitchen
      ]),
    )
    expect(Object.fromEntries(totals)).toEqual({ 9: 2, 2: 5, 3: 4, 1: 9, 5: 1, 4: 1 })
  })

  it('leaves categories without products out', () => {
    const totals = rollUpCounts(categories, new Map([[8, 6]]))
    expect(totals.get(8)).toBe(6)
    expect(totals.get(7)).toBe(6)
    expect(totals.has(1)).toBe(false)
    expect(totals.has(4)).toBe(false)
  })

  it('ignores counts for unknown categories', () => {
    expect(rollUpCounts(categories, new Map([[404, 10]])).size).toBe(0)
  })

  it('is empty for no counts', () => {
    expect(rollUpCounts(categories, new Map()).size).toBe(0)
  })
})
