import { describe, expect, it } from 'vitest'
import { pluralize, pluralWord } from './plural'

describe('pluralize', () => {
  it('says "1 review" but "0 reviews" and "2 reviews"', () => {
    expect(pluralize(1, 'review')).toBe('1 review')
    expect(pluralize(0, 'review')).toBe('0 reviews')
    expect(pluralize(2, 'review')).toBe('2 reviews')
  })

  it('takes irregular plurals and groups thousands', () => {
    expect(pluralize(1, 'person', 'people')).toBe('1 person')
    expect(pluralize(4, 'person', 'people')).toBe('4 people')
    expect(pluralize(1204, 'product')).toBe('1,204 products')
    expect(pluralize(999, 'item')).toBe('999 items')
    expect(pluralize(1000, 'item')).toBe('1,000 items')
    expect(pluralize(2500000, 'view')).toBe('2,500,000 views')
    expect(pluralize(1, 'subcategory', 'subcategories')).toBe('1 subcategory')
  })

  it('gives the noun alone for sentences that place the number themselves', () => {
    expect(pluralWord(1, 'star')).toBe('star')
    expect(pluralWord(4, 'star')).toBe('stars')
    expect(pluralWord(0, 'item')).toBe('items')
  })
})
