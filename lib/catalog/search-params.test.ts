import { describe, expect, it } from 'vitest'
import { MAX_PAGE, MAX_QUERY_LENGTH, PAGE_SIZE, parseSearchParams, type SearchQuery, searchHref, searchQueryToParams } from './search-params'

const defaults: SearchQuery = {
  q: '',
  category: null,
  minCents: null,
  maxCents: null,
  minRating: null,
  inStock: false,
  sort: 'newest',
  page: 1,
}

describe('parseSearchParams', () => {
  it('returns the defaults for an empty query string', () => {
    expect(parseSearchParams({})).toEqual(defaults)
    expect(PAGE_SIZE).toBe(24)
  })

  it('parses a complete, valid query', () => {
    expect(
      parseSearchParams({
        q: 'wireless headphones',
        category: 'headphones-earbuds',
        min: '20',
        max: '100.5',
        rating: '4',
        in_stock: '1',
        sort: 'price_asc',
        page: '3',
      }),
    ).toEqual({
      q: 'wireless headphones',
      category: 'headphones-earbuds',
      minCents: 2000,
      maxCents: 10050,
      minRating: 4,
      inStock: true,
      sort: 'price_asc',
      page: 3,
    })
  })

  describe('page', () => {
    it.each([['-1'], ['0'], ['abc'], ['1.5'], ['99999999999'], [''], [' 2'], ['0x10'], ['1e3'], [String(MAX_PAGE + 1)]])('falls back to page 1 for page=%j', (page) => {
      expect(parseSearchParams({ page }).page).toBe(1)
    })

    it('accepts pages from 1 up to MAX_PAGE', () => {
      expect(parseSearchParams({ page: '1' }).page).toBe(1)
      expect(parseSearchParams({ page: '007' }).page).toBe(7)
      expect(parseSearchParams({ page: String(MAX_PAGE) }).page).toBe(MAX_PAGE)
    })
  })

  describe('min / max price', () => {
    it.each([['1e999'], ['-5'], ['abc'], ['12.345'], [''], ['12.'], ['.5'], ['1,000'], ['Infinity'], ['NaN'], ['0x10'], ['1234567890']])('ignores min=%j and max=%j', (value) => {
      const query = parseSearchParams({ min: value, max: value })
      expect(query.minCents).toBeNull()
      expect(query.maxCents).toBeNull()
    })

    it('parses whole and decimal amounts into integer cents', () => {
      expect(parseSearchParams({ min: '20', max: '100' })).toMatchObject({ minCents: 2000, maxCents: 10000 })
      expect(parseSearchParams({ min: '0.5', max: '12.99' })).toMatchObject({ minCents: 50, maxCents: 1299 })
      expect(parseSearchParams({ min: ' 7 ' }).minCents).toBe(700)
      expect(parseSearchParams({ min: '0' }).minCents).toBe(0)
    })

    it('swaps min and max when max < min', () => {
      expect(parseSearchParams({ min: '100', max: '20' })).toMatchObject({ minCents: 2000, maxCents: 10000 })
    })

    it('keeps a lone bound when the other one is invalid', () => {
      expect(parseSearchParams({ min: '100', max: 'abc' })).toMatchObject({ minCents: 10000, maxCents: null })
      expect(parseSearchParams({ min: '-1', max: '20' })).toMatchObject({ minCents: null, maxCents: 2000 })
    })

    it('clamps amounts beyond what the price column can hold', () => {
      // 9 digits parse, but 999,999,999 dollars is more cents than a Postgres integer holds.
      const query = parseSearchParams({ min: '999999999', max: '999999999.99' })
      expect(query.minCents).toBe(2_147_483_647)
      expect(query.maxCents).toBe(2_147_483_647)
    })
  })

  describe('rating', () => {
    it.each([['0'], ['6'], ['abc'], ['4.5'], ['-1'], [''], ['Infinity']])('ignores rating=%j', (rating) => {
      expect(parseSearchParams({ rating }).minRating).toBeNull()
    })

    it.each([1, 2, 3, 4, 5])('accepts rating=%i', (rating) => {
      expect(parseSearchParams({ rating: String(rating) }).minRating).toBe(rating)
    })
  })

  describe('in_stock', () => {
    it.each([
      ['yes', true],
      ['1', true],
      ['on', true],
      ['true', true],
      ['TRUE', true],
      ['0', false],
      ['garbage', false],
      ['', false],
      ['no', false],
    ])('in_stock=%j is %s', (value, expected) => {
      expect(parseSearchParams({ in_stock: value }).inStock).toBe(expected)
    })
  })

  describe('sort', () => {
    it('falls back to the default for an unknown sort', () => {
      expect(parseSearchParams({ sort: 'cheapest' }).sort).toBe('newest')
      expect(parseSearchParams({ q: 'mug', sort: 'cheapest' }).sort).toBe('relevance')
      expect(parseSearchParams({ sort: 'PRICE_ASC' }).sort).toBe('newest')
      expect(parseSearchParams({ sort: '' }).sort).toBe('newest')
    })

    it('defaults to relevance with a search term and newest without', () => {
      expect(parseSearchParams({ q: 'mug' }).sort).toBe('relevance')
      expect(parseSearchParams({}).sort).toBe('newest')
      expect(parseSearchParams({ q: '   ' }).sort).toBe('newest')
    })

    it('keeps an explicit sort=relevance with or without q', () => {
      expect(parseSearchParams({ q: 'mug', sort: 'relevance' }).sort).toBe('relevance')
      expect(parseSearchParams({ sort: 'relevance' }).sort).toBe('relevance')
    })

    it.each(['price_asc', 'price_desc', 'newest', 'rating'] as const)('accepts sort=%s', (sort) => {
      expect(parseSearchParams({ q: 'mug', sort }).sort).toBe(sort)
    })
  })

  describe('q', () => {
    it(`truncates a 10,000-character q to ${MAX_QUERY_LENGTH} characters`, () => {
      const query = parseSearchParams({ q: 'a'.repeat(10_000) })
      expect(query.q).toHaveLength(MAX_QUERY_LENGTH)
      expect(query.q).toBe('a'.repeat(MAX_QUERY_LENGTH))
    })

    it('replaces control characters and collapses whitespace', () => {
      expect(parseSearchParams({ q: 'wire\u0000less\tear\nbuds\u007f\u001b' }).q).toBe('wire less ear buds')
      expect(parseSearchParams({ q: '  \r\n  mug   \u0000 ' }).q).toBe('mug')
      expect(parseSearchParams({ q: '\u0000\u0001' }).q).toBe('')
    })

    it('keeps unicode and punctuation for the search engine to handle', () => {
      expect(parseSearchParams({ q: 'café 日本 🎧' }).q).toBe('café 日本 🎧')
      expect(parseSearchParams({ q: '"noise-cancelling headphones" -wireless' }).q).toBe('"noise-cancelling headphones" -wireless')
    })
  })

  describe('repeated parameters', () => {
    it('takes the first value of an array', () => {
      expect(parseSearchParams({ page: ['2', '3'] }).page).toBe(2)
      expect(parseSearchParams({ q: ['mug', 'kettle'] }).q).toBe('mug')
      expect(parseSearchParams({ sort: ['rating', 'price_asc'] }).sort).toBe('rating')
      expect(parseSearchParams({ min: ['5', '500'], max: ['50'] })).toMatchObject({ minCents: 500, maxCents: 5000 })
      expect(parseSearchParams({ category: ['audio', 'garden'] }).category).toBe('audio')
    })

    it('treats an empty array as missing', () => {
      expect(parseSearchParams({ page: [], q: [], min: [], rating: [], in_stock: [], sort: [], category: [] })).toEqual(defaults)
    })

    it('falls back when the first value is bad, even if a later one is good', () => {
      expect(parseSearchParams({ page: ['abc', '3'] }).page).toBe(1)
    })
  })

  describe('category', () => {
    it.each([['../etc'], ['Audio'], ['home kitchen'], ['audio--gear'], ['-audio'], ['audio-'], ['a/b'], ['%2e%2e'], ['x'.repeat(101)]])('rejects category=%j', (category) => {
      expect(parseSearchParams({ category }).category).toBeNull()
    })

    it('accepts kebab-case slugs', () => {
      expect(parseSearchParams({ category: 'headphones-earbuds' }).category).toBe('headphones-earbuds')
      expect(parseSearchParams({ category: 'audio' }).category).toBe('audio')
      expect(parseSearchParams({ category: '' }).category).toBeNull()
    })
  })
})

describe('searchQueryToParams', () => {
  const queries: SearchQuery[] = [
    defaults,
    { ...defaults, q: 'headphones', sort: 'relevance' },
    { ...defaults, q: 'headphones', sort: 'price_asc', page: 2 },
    { ...defaults, category: 'audio', minCents: 2000, maxCents: 10000, minRating: 4, inStock: true, sort: 'rating', page: 5 },
    { ...defaults, minCents: 1250, sort: 'price_desc' },
    { ...defaults, maxCents: 1, sort: 'newest' },
    { ...defaults, minCents: 0, maxCents: 0 },
    { ...defaults, q: 'café & "noise-cancelling" -wireless', sort: 'newest', page: MAX_PAGE },
    { ...defaults, sort: 'relevance' },
  ]

  it.each(queries.map((query) => [searchHref(query), query] as const))('round-trips %s', (_href, query) => {
    const params = searchQueryToParams(query)
    expect(parseSearchParams(Object.fromEntries(params))).toEqual(query)
    // And through a real URL string.
    const url = new URL(`https://shop.test/search?${params.toString()}`)
    expect(parseSearchParams(Object.fromEntries(url.searchParams))).toEqual(query)
  })

  it('omits defaults from the URL', () => {
    expect(searchQueryToParams(defaults).toString()).toBe('')
    expect(searchQueryToParams({}).toString()).toBe('')
    expect(searchQueryToParams({ q: 'mug', sort: 'relevance', page: 1, inStock: false }).toString()).toBe('q=mug')
    expect(searchQueryToParams({ sort: 'newest' }).toString()).toBe('')
    expect(searchQueryToParams({ q: 'mug', sort: 'newest' }).toString()).toBe('q=mug&sort=newest')
    expect(searchHref(defaults)).toBe('/search')
    expect(searchHref({ category: 'audio' }, '/c/audio')).toBe('/c/audio?category=audio')
  })

  it('writes prices as major units', () => {
    expect(searchQueryToParams({ minCents: 1250, maxCents: 10000 }).toString()).toBe('min=12.50&max=100')
    expect(searchQueryToParams({ minCents: 5 }).get('min')).toBe('0.05')
    expect(searchQueryToParams({ minCents: 0 }).get('min')).toBe('0')
  })
})
