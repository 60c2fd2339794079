import { beforeAll, describe, expect, it } from 'vitest'
import { sql } from '@/db/client'
import { cacheCalls } from '@/lib/testing/next-cache'
import { searchProducts, suggestProducts } from './search'
import { PAGE_SIZE, parseSearchParams, type SearchQuery, type SortOption } from './search-params'
import type { ProductCard, SearchResult } from './types'

/** Every seeded product (active or not) as the database holds it: the ground truth for expectations. */
type Row = {
  id: number
  slug: string
  name: string
  description: string
  priceCents: number
  stock: number
  active: boolean
  ratingAvg: number
  ratingCount: number
  /** Milliseconds since the epoch (drizzle makes the shared client return timestamps as strings). */
  createdMs: number
  categoryId: number
  categorySlug: string
  parentSlug: string | null
}

let rows: Row[] = []
let byId = new Map<number, Row>()
let active: Row[] = []

beforeAll(async () => {
  rows = await sql<Row[]>`
    select p.id, p.slug, p.name, p.description, p.price_cents as "priceCents", p.stock, p.active,
           p.rating_avg as "ratingAvg", p.rating_count as "ratingCount", (extract(epoch from p.created_at) * 1000)::float8 as "createdMs",
           p.category_id as "categoryId", c.slug as "categorySlug", parent.slug as "parentSlug"
    from products p
    join categories c on c.id = p.category_id
    left join categories parent on parent.id = c.parent_id
    order by p.id`
  byId = new Map(rows.map((row) => [row.id, row]))
  active = rows.filter((row) => row.active)
})

function query(overrides: Partial<SearchQuery>): SearchQuery {
  return { ...parseSearchParams({}), ...(overrides.q ? { sort: 'relevance' as const } : {}), ...overrides }
}

function row(product: ProductCard): Row {
  const found = byId.get(product.id)
  if (!found) throw new Error(`search returned unknown product ${product.id}`)
  return found
}

/** Walks every page, checking page sizes and page metadata on the way. */
async function allPages(base: SearchQuery) {
  const first = await searchProducts({ ...base, page: 1 })
  const pages: SearchResult[] = [first]
  for (let page = 2; page <= first.pageCount; page++) pages.push(await searchProducts({ ...base, page }))
  pages.forEach((result, index) => {
    expect(result.page).toBe(index + 1)
    expect(result.total).toBe(first.total)
    expect(result.pageCount).toBe(Math.ceil(first.total / PAGE_SIZE))
    const expectedSize = index + 1 < first.pageCount ? PAGE_SIZE : first.total - PAGE_SIZE * (first.pageCount - 1)
    expect(result.products).toHaveLength(expectedSize)
  })
  const products = pages.flatMap((result) => result.products)
  return { first, products, ids: products.map((product) => product.id) }
}

const textOf = (product: Row) => `${product.name} ${product.description}`.toLowerCase()
const names = (products: { name: string }[]) => products.map((product) => product.name)

/** Expected order for each sort over the given rows, including the id tie-breaker. */
const comparators: Record<Exclude<SortOption, 'relevance'>, (a: Row, b: Row) => number> = {
  price_asc: (a, b) => a.priceCents - b.priceCents || a.id - b.id,
  price_desc: (a, b) => b.priceCents - a.priceCents || b.id - a.id,
  newest: (a, b) => b.createdMs - a.createdMs || b.id - a.id,
  rating: (a, b) => b.ratingAvg - a.ratingAvg || b.ratingCount - a.ratingCount || a.id - b.id,
}

async function sqlIds(strings: Promise<{ id: number }[]>) {
  return (await strings).map((found) => found.id).sort((a, b) => a - b)
}

const sortedIds = (ids: number[]) => ids.toSorted((a, b) => a - b)

describe('searchProducts: relevance', () => {
  it('defaults to relevance when there is a search term', () => {
    expect(parseSearchParams({ q: 'headphones' }).sort).toBe('relevance')
  })

  it('ranks products named "Headphones" above products that only mention headphones in the description', async () => {
    const { products } = await allPages(parseSearchParams({ q: 'headphones' }))
    const inName = products.filter((product) => /headphone/i.test(product.name))
    const descriptionOnly = products.filter((product) => !/headphone/i.test(product.name))

    expect(names(inName)).toEqual(expect.arrayContaining(['Studio Monitor Headphones', 'Aurora Wireless Headphones', 'Nimbus Noise-Cancelling Headphones']))
    expect(names(descriptionOnly)).toEqual(expect.arrayContaining(['Oakline Walnut Audio Stand', 'Hardshell Travel Case']))
    for (const product of descriptionOnly) expect(row(product).description.toLowerCase()).toContain('headphone')

    const lastNameMatch = Math.max(...inName.map((product) => products.indexOf(product)))
    const firstDescriptionOnly = Math.min(...descriptionOnly.map((product) => products.indexOf(product)))
    expect(lastNameMatch).toBeLessThan(firstDescriptionOnly)
    expect(names(products.slice(-descriptionOnly.length))).toEqual(names(descriptionOnly))
  })

  it('finds exactly the active products whose text matches, ranked by ts_rank then id', async () => {
    const expected = await sql<{ id: number }[]>`
      select id from products
      where active and search_vector @@ websearch_to_tsquery('english', 'headphones')
      order by ts_rank(search_vector, websearch_to_tsquery('english', 'headphones')) desc, id asc`
    const { ids, first } = await allPages(parseSearchParams({ q: 'headphones' }))
    expect(ids).toEqual(expected.map((found) => found.id))
    expect(first.fuzzy).toBe(false)
  })
})

describe('searchProducts: websearch syntax', () => {
  it('matches a quoted phrase only where the words appear together', async () => {
    const phrase = 'noise-cancelling headphones'
    const { products } = await allPages(query({ q: `"${phrase}"` }))
    expect(names(products)).toContain('Nimbus Noise-Cancelling Headphones')
    // "Halo Noise-Cancelling Earbuds" has both words, but not as the phrase.
    expect(names(products)).not.toContain('Halo Noise-Cancelling Earbuds')
    for (const product of products) expect(textOf(row(product))).toContain(phrase)
    const withPhrase = active.filter((product) => textOf(product).includes(phrase)).map((product) => product.id)
    expect(sortedIds(products.map((product) => product.id))).toEqual(sortedIds(withPhrase))
  })

  it('excludes words after a minus', async () => {
    const all = await allPages(query({ q: 'headphones' }))
    const { products, first } = await allPages(query({ q: 'headphones -wireless' }))
    expect(names(all.products)).toContain('Aurora Wireless Headphones')
    expect(names(products)).not.toContain('Aurora Wireless Headphones')
    expect(names(products)).toContain('Studio Monitor Headphones')
    for (const product of products) expect(textOf(row(product))).not.toContain('wireless')
    const expected = all.products.filter((product) => !textOf(row(product)).includes('wireless'))
    expect(first.total).toBe(expected.length)
    expect(first.total).toBeLessThan(all.first.total)
  })

  it('returns the union for "or"', async () => {
    const earbuds = await allPages(query({ q: 'earbuds' }))
    const headphones = await allPages(query({ q: 'headphones' }))
    const either = await allPages(query({ q: 'earbuds or headphones' }))
    const union = new Set([...earbuds.ids, ...headphones.ids])
    expect(either.first.total).toBe(union.size)
    expect(new Set(either.ids)).toEqual(union)
    expect(union.size).toBeGreaterThan(Math.max(earbuds.ids.length, headphones.ids.length))
    expect(names(either.products)).toEqual(expect.arrayContaining(['Echo True Wireless Earbuds', 'Studio Monitor Headphones']))
  })

  it('treats "and" as a plain word, requiring both terms', async () => {
    const { products } = await allPages(query({ q: 'wireless earbuds' }))
    expect(names(products)).toContain('Echo True Wireless Earbuds')
    for (const product of products) {
      expect(textOf(row(product))).toMatch(/wireless/)
      expect(textOf(row(product))).toMatch(/earbud/)
    }
  })
})

describe('searchProducts: typo tolerance', () => {
  it('falls back to similar names for a misspelling', async () => {
    const result = await searchProducts(query({ q: 'hedphones' }))
    expect(result.fuzzy).toBe(true)
    expect(result.total).toBeGreaterThan(0)
    expect(names(result.products)).toContain('Studio Monitor Headphones')
    // Best matches first: the names containing "Headphones".
    expect(result.products[0]?.name).toMatch(/headphones/i)
    for (const product of result.products) expect(row(product).active).toBe(true)
  })

  it('keeps exclusions in the fuzzy fallback', async () => {
    const result = await searchProducts(query({ q: 'hedphones -wireless' }))
    expect(result.fuzzy).toBe(true)
    expect(names(result.products)).toContain('Studio Monitor Headphones')
    expect(names(result.products)).not.toContain('Aurora Wireless Headphones')
  })

  it('applies filters to the fuzzy fallback too', async () => {
    const result = await searchProducts(query({ q: 'hedphones', maxCents: 10_000 }))
    expect(result.fuzzy).toBe(true)
    expect(names(result.products)).toContain('Pulse Over-Ear Headphones')
    expect(names(result.products)).not.toContain('Studio Monitor Headphones')
    for (const product of result.products) expect(product.priceCents).toBeLessThanOrEqual(10_000)
  })

  it('returns nothing, not fuzzy, for nonsense', async () => {
    const result = await searchProducts(query({ q: 'zzqxv' }))
    expect(result).toEqual({ products: [], total: 0, page: 1, pageCount: 0, facets: [], fuzzy: false })
  })

  it('does not flag exact matches as fuzzy', async () => {
    expect((await searchProducts(query({ q: 'headphones' }))).fuzzy).toBe(false)
    expect((await searchProducts(query({}))).fuzzy).toBe(false)
  })
})

describe('searchProducts: filters', () => {
  it('includes products of every subcategory for a top-level category', async () => {
    const [expected] = await sql<{ count: number }[]>`
      select count(*)::int as count from products p
      join categories c on c.id = p.category_id
      left join categories parent on parent.id = c.parent_id
      where p.active and (c.slug = 'audio' or parent.slug = 'audio')`
    const { first, products } = await allPages(query({ category: 'audio' }))
    expect(first.total).toBe(expected?.count)
    for (const product of products) expect(row(product).parentSlug).toBe('audio')
    const subcategories = new Set(products.map((product) => row(product).categorySlug))
    expect(subcategories).toEqual(new Set(['headphones-earbuds', 'speakers', 'hi-fi-turntables', 'audio-accessories']))
    expect(names(products)).toEqual(expect.arrayContaining(['Studio Monitor Headphones', 'Orbit Portable Bluetooth Speaker', 'Oakline Walnut Audio Stand']))
  })

  it('limits a subcategory to its own products', async () => {
    const expected = active.filter((product) => product.categorySlug === 'speakers')
    const { ids } = await allPages(query({ category: 'speakers' }))
    expect(sortedIds(ids)).toEqual(expected.map((product) => product.id))
    expect(ids.length).toBeGreaterThan(0)
  })

  it('ignores a well-formed but unknown category', async () => {
    const result = await searchProducts(query({ category: 'no-such-category' }))
    expect(result.total).toBe(active.length)
  })

  it('applies min/max price in cents, bounds inclusive', async () => {
    const parsed = parseSearchParams({ min: '20', max: '100' })
    expect(parsed).toMatchObject({ minCents: 2000, maxCents: 10000 })
    const [expected] = await sql<{ count: number }[]>`
      select count(*)::int as count from products where active and price_cents between 2000 and 10000`
    const { first, products } = await allPages(parsed)
    expect(first.total).toBe(expected?.count)
    for (const product of products) {
      expect(product.priceCents).toBeGreaterThanOrEqual(2000)
      expect(product.priceCents).toBeLessThanOrEqual(10000)
    }
  })

  it('includes a product priced exactly at either bound', async () => {
    const studio = active.find((product) => product.name === 'Studio Monitor Headphones')
    expect(studio?.priceCents).toBe(14900)
    const atMin = await searchProducts(query({ q: 'studio monitor headphones', minCents: 14900 }))
    const atMax = await searchProducts(query({ q: 'studio monitor headphones', maxCents: 14900 }))
    const above = await searchProducts(query({ q: 'studio monitor headphones', minCents: 14901 }))
    const below = await searchProducts(query({ q: 'studio monitor headphones', maxCents: 14899 }))
    expect(names(atMin.products)).toContain('Studio Monitor Headphones')
    expect(names(atMax.products)).toContain('Studio Monitor Headphones')
    expect(names(above.products)).not.toContain('Studio Monitor Headphones')
    expect(names(below.products)).not.toContain('Studio Monitor Headphones')
  })

  it('applies a minimum rating', async () => {
    const expected = active.filter((product) => product.ratingAvg >= 4).map((product) => product.id)
    const { ids, products } = await allPages(parseSearchParams({ rating: '4' }))
    expect(sortedIds(ids)).toEqual(expected)
    for (const product of products) expect(product.ratingAvg).toBeGreaterThanOrEqual(4)
  })

  it('shows only products in stock', async () => {
    const outOfStock = active.filter((product) => product.stock === 0)
    expect(outOfStock.length).toBeGreaterThan(0)
    const { ids, products } = await allPages(parseSearchParams({ in_stock: '1' }))
    expect(ids.length).toBe(active.length - outOfStock.length)
    for (const product of products) expect(product.stock).toBeGreaterThan(0)
    for (const product of outOfStock) expect(ids).not.toContain(product.id)
  })

  it('combines every filter, and every result satisfies all of them', async () => {
    const parsed = parseSearchParams({ q: 'audio', category: 'audio', min: '20', max: '100', rating: '4', in_stock: 'yes', sort: 'price_asc' })
    const [expected] = await sql<{ count: number }[]>`
      select count(*)::int as count from products p
      join categories c on c.id = p.category_id
      left join categories parent on parent.id = c.parent_id
      where p.active and p.search_vector @@ websearch_to_tsquery('english', 'audio')
        and (c.slug = 'audio' or parent.slug = 'audio')
        and p.price_cents >= 2000 and p.price_cents <= 10000 and p.rating_avg >= 4 and p.stock > 0`
    const { first, products } = await allPages(parsed)
    expect(first.total).toBe(expected?.count)
    expect(first.total).toBeGreaterThan(0)
    for (const product of products) {
      const full = row(product)
      expect(full.active).toBe(true)
      expect(full.parentSlug).toBe('audio')
      expect(product.priceCents).toBeGreaterThanOrEqual(2000)
      expect(product.priceCents).toBeLessThanOrEqual(10000)
      expect(product.ratingAvg).toBeGreaterThanOrEqual(4)
      expect(product.stock).toBeGreaterThan(0)
    }
    expect(products.map((product) => product.priceCents)).toEqual(products.map((product) => product.priceCents).toSorted((a, b) => a - b))
  })

  it('combines filters without a search term, matching a direct SQL count', async () => {
    const parsed = parseSearchParams({ category: 'home-kitchen', min: '20', max: '100', rating: '3', in_stock: 'on' })
    const expected = await sqlIds(sql<{ id: number }[]>`
      select p.id from products p
      join categories c on c.id = p.category_id
      left join categories parent on parent.id = c.parent_id
      where p.active and (c.slug = 'home-kitchen' or parent.slug = 'home-kitchen')
        and p.price_cents between 2000 and 10000 and p.rating_avg >= 3 and p.stock > 0`)
    const { first, ids } = await allPages(parsed)
    expect(first.total).toBe(expected.length)
    expect(sortedIds(ids)).toEqual(expected)
  })
})

describe('searchProducts: facets', () => {
  /** Active products per category for the given extra condition, top-level categories rolling up their subcategories. */
  async function expectedFacets(condition: ReturnType<typeof sql>) {
    const counts = await sql<{ slug: string; count: number }[]>`
      select c.slug, count(p.id)::int as count
      from categories c
      join products p on p.category_id = c.id or p.category_id in (select id from categories sub where sub.parent_id = c.id)
      where p.active and ${condition}
      group by c.slug`
    return Object.fromEntries(counts.map((count) => [count.slug, count.count]))
  }

  const facetMap = (result: SearchResult) => Object.fromEntries(result.facets.map((facet) => [facet.slug, facet.count]))

  it('counts matches per category, top-level categories rolling up their subcategories', async () => {
    const result = await searchProducts(query({ q: 'headphones' }))
    const expected = await expectedFacets(sql`p.search_vector @@ websearch_to_tsquery('english', 'headphones')`)
    expect(facetMap(result)).toEqual(expected)
    expect(result.facets.map((facet) => `${facet.depth}:${facet.slug}`)).toEqual(['0:audio', '1:headphones-earbuds', '1:audio-accessories'])
    expect(result.facets[0]).toMatchObject({ name: 'Audio', count: result.total })
  })

  it('ignores the selected category so a shopper can switch', async () => {
    const unfiltered = await searchProducts(query({ q: 'headphones' }))
    const inAccessories = await searchProducts(query({ q: 'headphones', category: 'audio-accessories' }))
    expect(inAccessories.facets).toEqual(unfiltered.facets)
    expect(inAccessories.total).toBe(facetMap(unfiltered)['audio-accessories'])
    expect(names(inAccessories.products)).toEqual(expect.arrayContaining(['Oakline Walnut Audio Stand', 'Hardshell Travel Case']))
    for (const product of inAccessories.products) expect(row(product).categorySlug).toBe('audio-accessories')
  })

  it('respects the other filters', async () => {
    const filtered = await searchProducts(query({ q: 'headphones', category: 'headphones-earbuds', maxCents: 10_000, inStock: true }))
    const expected = await expectedFacets(sql`p.search_vector @@ websearch_to_tsquery('english', 'headphones') and p.price_cents <= 10000 and p.stock > 0`)
    expect(facetMap(filtered)).toEqual(expected)
    const unfiltered = await searchProducts(query({ q: 'headphones' }))
    expect(facetMap(filtered).audio).toBeLessThan(facetMap(unfiltered).audio ?? 0)
  })

  it('counts the same on every page and in every sort of one search, which share one cached count', async () => {
    const first = await searchProducts(query({ maxCents: 5_000 }))
    for (const other of [query({ maxCents: 5_000, page: 2 }), query({ maxCents: 5_000, sort: 'price_desc', page: 3 })]) {
      const result = await searchProducts(other)
      expect(result.facets).toEqual(first.facets)
      expect(result.total).toBe(first.total)
    }
    expect(first.total).toBeGreaterThan(2 * PAGE_SIZE)
  })

  it('covers the whole catalog without a search term', async () => {
    const result = await searchProducts(query({}))
    const expected = await expectedFacets(sql`true`)
    expect(facetMap(result)).toEqual(expected)
    const topLevel = result.facets.filter((facet) => facet.depth === 0)
    expect(topLevel.reduce((sum, facet) => sum + facet.count, 0)).toBe(active.length)
  })
})

describe('searchProducts: sorting and pagination', () => {
  it.each(['price_asc', 'price_desc', 'newest', 'rating'] as const)('orders every page by %s with ties broken by id, each product exactly once', async (sort) => {
    const { ids, first } = await allPages(query({ sort }))
    expect(first.total).toBe(active.length)
    expect(new Set(ids).size).toBe(ids.length)
    expect(ids).toEqual(active.toSorted(comparators[sort]).map((product) => product.id))
  })

  it('has many equal prices, and price sorts break those ties by id across page boundaries', async () => {
    const byPrice = new Map<number, number[]>()
    for (const product of active) byPrice.set(product.priceCents, [...(byPrice.get(product.priceCents) ?? []), product.id])
    const shared = [...byPrice.values()].filter((ids) => ids.length > 1)
    expect(shared.length).toBeGreaterThanOrEqual(10)

    const asc = await allPages(query({ sort: 'price_asc' }))
    const desc = await allPages(query({ sort: 'price_desc' }))
    for (const { ids, direction } of [
      { ids: asc.ids, direction: 1 },
      { ids: desc.ids, direction: -1 },
    ]) {
      for (let i = 1; i < ids.length; i++) {
        const previous = byId.get(ids[i - 1] ?? 0)
        const current = byId.get(ids[i] ?? 0)
        if (!previous || !current) throw new Error('unknown id')
        expect(Math.sign(current.priceCents - previous.priceCents) * direction).toBeGreaterThanOrEqual(0)
        if (current.priceCents === previous.priceCents) expect(Math.sign(current.id - previous.id)).toBe(direction)
      }
    }
    // At least one group of equal prices is split by a page boundary, and still in order.
    const straddles = [...Array(asc.first.pageCount - 1).keys()].some((page) => {
      const last = byId.get(asc.ids[(page + 1) * PAGE_SIZE - 1] ?? 0)
      const next = byId.get(asc.ids[(page + 1) * PAGE_SIZE] ?? 0)
      return last !== undefined && last.priceCents === next?.priceCents
    })
    expect(straddles).toBe(true)
  })

  it('pages a search term exactly once under relevance and price_asc', async () => {
    for (const sort of ['relevance', 'price_asc'] as const) {
      const { ids, first } = await allPages(query({ q: 'earbuds or headphones or speaker', sort }))
      expect(first.total).toBeGreaterThan(PAGE_SIZE)
      expect(new Set(ids).size).toBe(first.total)
    }
  })

  it('sizes the first, middle and last pages, and returns nothing past the end', async () => {
    const total = active.length
    const pageCount = Math.ceil(total / PAGE_SIZE)
    expect(pageCount).toBeGreaterThanOrEqual(3)
    const remainder = total - PAGE_SIZE * (pageCount - 1)

    const firstPage = await searchProducts(query({ sort: 'price_asc', page: 1 }))
    const middle = await searchProducts(query({ sort: 'price_asc', page: 2 }))
    const last = await searchProducts(query({ sort: 'price_asc', page: pageCount }))
    const pastEnd = await searchProducts(query({ sort: 'price_asc', page: pageCount + 1 }))
    const farPastEnd = await searchProducts(query({ sort: 'price_asc', page: 10_000 }))

    expect(firstPage.products).toHaveLength(PAGE_SIZE)
    expect(middle.products).toHaveLength(PAGE_SIZE)
    expect(last.products).toHaveLength(remainder)
    for (const result of [firstPage, middle, last, pastEnd, farPastEnd]) {
      expect(result.total).toBe(total)
      expect(result.pageCount).toBe(pageCount)
    }
    expect(pastEnd.products).toEqual([])
    expect(pastEnd.page).toBe(pageCount + 1)
    expect(farPastEnd.products).toEqual([])
    // Past the end still shows facets so the shopper can change course.
    expect(pastEnd.facets.length).toBeGreaterThan(0)
  })

  it('treats relevance without a search term as newest', async () => {
    const relevance = await searchProducts(query({ sort: 'relevance', page: 2 }))
    const newest = await searchProducts(query({ sort: 'newest', page: 2 }))
    expect(relevance.products).toEqual(newest.products)
  })

  it('returns complete product cards', async () => {
    const result = await searchProducts(query({ q: 'studio monitor headphones' }))
    const studio = result.products.find((product) => product.name === 'Studio Monitor Headphones')
    expect(studio).toMatchObject({
      slug: 'studio-monitor-headphones',
      priceCents: 14900,
      currency: 'USD',
      imageAlt: 'Studio Monitor Headphones',
      imageUrl: '/art/0/studio-monitor-headphones.svg?motif=headphone&color=2f3136',
    })
    expect(typeof studio?.ratingAvg).toBe('number')
  })

  it('tags its cached results as a list of product cards, which a sell-out expires', async () => {
    cacheCalls.tagged.length = 0
    await searchProducts(query({ sort: 'price_asc', page: 2 }))
    expect(cacheCalls.tagged).toContain('catalog:cards')
  })
})

describe('searchProducts: inactive products', () => {
  it('never lists an inactive product', async () => {
    const inactive = rows.filter((product) => !product.active)
    expect(inactive.length).toBeGreaterThan(0)
    const { ids, first } = await allPages(query({ sort: 'price_asc' }))
    expect(first.total).toBe(rows.length - inactive.length)
    for (const product of inactive) {
      expect(ids).not.toContain(product.id)
      const byName = await searchProducts(query({ q: product.name, category: product.categorySlug }))
      expect(byName.products.map((found) => found.id)).not.toContain(product.id)
      const bySlug = await searchProducts(query({ q: product.slug.split('-').slice(0, 3).join(' ') }))
      expect(bySlug.products.map((found) => found.id)).not.toContain(product.id)
    }
  })
})

describe('suggestProducts', () => {
  it('suggests headphones first for "head", at most 6, all active', async () => {
    const suggestions = await suggestProducts('head')
    expect(suggestions).toHaveLength(6)
    // Equal matches rank by review count, which comes from the seeded reviews: a headphone stand may lead.
    expect(suggestions[0]?.name).toMatch(/headphone/i)
    expect(suggestions[1]?.name).toMatch(/headphone/i)
    // Mostly headphones; "Headlamp" is a fair completion of "head" too.
    expect(suggestions.filter((suggestion) => /headphone/i.test(suggestion.name)).length).toBeGreaterThanOrEqual(4)
    for (const suggestion of suggestions) {
      // Names that start a word with "head" beat products that only mention headphones in the description.
      expect(suggestion.name).toMatch(/\bhead/i)
      expect(rows.find((product) => product.slug === suggestion.slug)?.active).toBe(true)
      expect(suggestion).toMatchObject({ currency: 'USD', priceCents: expect.any(Number) })
    }
  })

  it('needs every word, the last as a prefix', async () => {
    const suggestions = await suggestProducts('studio monit')
    expect(suggestions[0]?.name).toBe('Studio Monitor Headphones')
  })

  it('never suggests an inactive product', async () => {
    for (const product of rows.filter((candidate) => !candidate.active)) {
      const suggestions = await suggestProducts(product.name)
      expect(suggestions.map((suggestion) => suggestion.slug)).not.toContain(product.slug)
    }
  })

  it('returns nothing for empty or punctuation-only input', async () => {
    expect(await suggestProducts('')).toEqual([])
    expect(await suggestProducts('   ')).toEqual([])
    expect(await suggestProducts('!!! -- &|')).toEqual([])
  })

  it('does not throw on hostile input', async () => {
    for (const input of ["'; drop table products; --", '<script>', 'a:* & !b', '(((', 'the', '日本語', '🎧', 'x'.repeat(5_000)]) {
      await expect(suggestProducts(input)).resolves.toBeInstanceOf(Array)
    }
  })
})

describe('searchProducts: hostile input', () => {
  const hostile: Record<string, string | string[]>[] = [
    { q: "'; drop table products; --" },
    { q: "headphones' or '1'='1", category: "audio'--" },
    { q: '<script>alert(1)</script>' },
    { q: 'a'.repeat(10_000) },
    { q: 'héadphönes 日本語 🎧 \u{1F600} \u200b \ud800' },
    { q: '%00', min: '%00', page: '%00' },
    { q: 'head\u0000phones', category: 'audio\u0000' },
    { q: '"unterminated phrase -' },
    { q: '- -- " "" () or or and !! & | <-> :*' },
    { q: 'the and of' },
    { q: '-' },
    { q: '-headphones' },
    { min: '999999999', max: '999999999.99' },
    { min: '999999999' },
    { max: '999999999' },
    { page: '10000', sort: 'rating' },
    { page: '99999999999', min: '1e999', max: '-5', rating: '6', in_stock: 'garbage', sort: 'DROP', category: '../etc' },
    { q: ['headphones', 'x'], page: ['2', '3'], sort: ['price_desc'] },
  ]

  it.each(hostile.map((raw) => [JSON.stringify(raw).slice(0, 80), raw] as const))('resolves for %s', async (_label, raw) => {
    const result = await searchProducts(parseSearchParams(raw))
    expect(result.total).toBeGreaterThanOrEqual(0)
    expect(result.products.length).toBeLessThanOrEqual(PAGE_SIZE)
  })

  it('leaves the catalog intact after SQL-looking input', async () => {
    await searchProducts(parseSearchParams({ q: "'; drop table products; --" }))
    const [count] = await sql<{ count: number }[]>`select count(*)::int as count from products`
    expect(count?.count).toBe(rows.length)
  })

  it('finds nothing costlier than the maximum price without erroring', async () => {
    const result = await searchProducts(parseSearchParams({ min: '999999999' }))
    expect(result.total).toBe(0)
    const everything = await searchProducts(parseSearchParams({ max: '999999999' }))
    expect(everything.total).toBe(active.length)
  })
})
