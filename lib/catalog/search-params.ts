import { z } from 'zod'
import { parseMajorUnits, toMajorUnitsString } from '@/lib/money'

export const PAGE_SIZE = 24
export const MAX_QUERY_LENGTH = 200
export const MAX_PAGE = 10_000
/** The largest value the integer price_cents column (and a query parameter compared with it) can hold. */
const MAX_PRICE_CENTS = 2_147_483_647

export const sortOptions = [
  { value: 'relevance', label: 'Best match' },
  { value: 'price_asc', label: 'Price: low to high' },
  { value: 'price_desc', label: 'Price: high to low' },
  { value: 'newest', label: 'Newest' },
  { value: 'rating', label: 'Top rated' },
] as const

export type SortOption = (typeof sortOptions)[number]['value']
const sortValues = sortOptions.map((option) => option.value) as [SortOption, ...SortOption[]]

export type SearchQuery = {
  q: string
  category: string | null
  minCents: number | null
  maxCents: number | null
  minRating: number | null
  inStock: boolean
  sort: SortOption
  page: number
}

type RawParams = Record<string, string | string[] | undefined>

/** The first value of a repeated parameter, as Next gives arrays for `?a=1&a=2`. */
function first(value: string | string[] | undefined) {
  return Array.isArray(value) ? value[0] : value
}

// Each field falls back to its default on bad input: a shared URL never breaks the page.
const text = z
  .string()
  .transform((value) =>
    value
      .replace(/[\u0000-\u001f\u007f]/g, ' ')
      .replace(/\s+/g, ' ')
      .trim()
      .slice(0, MAX_QUERY_LENGTH),
  )
  .catch('')
const slug = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/)
  .max(100)
  .nullable()
  .catch(null)
const price = z
  .string()
  .transform((value, ctx) => {
    const cents = parseMajorUnits(value)
    if (cents === null) {
      ctx.addIssue({ code: 'custom', message: 'not a price' })
      return z.NEVER
    }
    return Math.min(cents, MAX_PRICE_CENTS)
  })
  .nullable()
  .catch(null)
const rating = z.coerce.number().int().min(1).max(5).nullable().catch(null)
const flag = z
  .string()
  .transform((value) => ['1', 'true', 'on', 'yes'].includes(value.toLowerCase()))
  .catch(false)
const sort = z.enum(sortValues).nullable().catch(null)
const page = z
  .string()
  .regex(/^\d{1,6}$/)
  .transform(Number)
  .pipe(z.number().int().min(1).max(MAX_PAGE))
  .catch(1)

export function parseSearchParams(raw: RawParams): SearchQuery {
  const q = text.parse(first(raw.q) ?? '')
  let minCents = price.parse(first(raw.min) ?? null)
  let maxCents = price.parse(first(raw.max) ?? null)
  if (minCents !== null && maxCents !== null && minCents > maxCents) [minCents, maxCents] = [maxCents, minCents]
  return {
    q,
    category: slug.parse(first(raw.category) || null),
    minCents,
    maxCents,
    minRating: rating.parse(first(raw.rating) || null),
    inStock: flag.parse(first(raw.in_stock) ?? ''),
    sort: sort.parse(first(raw.sort) || null) ?? (q ? 'relevance' : 'newest'),
    page: page.parse(first(raw.page) ?? '1'),
  }
}

/** The canonical query string for a search: the inverse of parseSearchParams, defaults left out. */
export function searchQueryToParams(query: Partial<SearchQuery>): URLSearchParams {
  const params = new URLSearchParams()
  if (query.q) params.set('q', query.q)
  if (query.category) params.set('category', query.category)
  if (query.minCents != null) params.set('min', toMajorUnitsString(query.minCents))
  if (query.maxCents != null) params.set('max', toMajorUnitsString(query.maxCents))
  if (query.minRating != null) params.set('rating', String(query.minRating))
  if (query.inStock) params.set('in_stock', '1')
  const defaultSort = query.q ? 'relevance' : 'newest'
  if (query.sort && query.sort !== defaultSort) params.set('sort', query.sort)
  if (query.page && query.page > 1) params.set('page', String(query.page))
  return params
}

export function searchHref(query: Partial<SearchQuery>, pathname = '/search') {
  const params = searchQueryToParams(query).toString()
  return params ? `${pathname}?${params}` : pathname
}
