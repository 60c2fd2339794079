import 'server-only'
import { type SQL, sql } from 'drizzle-orm'
import { cacheLife, cacheTag } from 'next/cache'
import { db } from '@/db/client'
import { catalogTags } from './cache'
import { descendantIds, flattenTree, rollUpCounts } from './category-tree'
import { getCategories } from './queries'
import { PAGE_SIZE, type SearchQuery } from './search-params'
import type { Category, CategoryFacet, ProductCard, SearchResult } from './types'

type Executor = Pick<typeof db, 'execute'>
type Mode = 'exact' | 'fuzzy'

const SUGGEST_LIMIT = 6
// Minimum pg_trgm word similarity for the typo-tolerant fallback ("hedphones" → "headphones").
const FUZZY_THRESHOLD = '0.45'

/** Words or quoted phrases after a leading minus in websearch syntax: they stay excluded in the fuzzy fallback too. */
export function excludedTerms(q: string) {
  return [...q.matchAll(/(?:^|\s)-(?:"([^"]+)"?|([\p{L}\p{N}][\p{L}\p{N}'-]*))/gu)].map((match) => (match[1] ?? match[2] ?? '').trim()).filter(Boolean)
}

/** The text to compare by similarity: the query minus exclusions, quotes and operators. */
export function fuzzyText(q: string) {
  return q
    .replace(/(?:^|\s)-"[^"]*"?/g, ' ')
    .replace(/(?:^|\s)-\S+/g, ' ')
    .replace(/["()]/g, ' ')
    .replace(/\bor\b/gi, ' ')
    .replace(/\s+/g, ' ')
    .trim()
}

/** What a listing's category counts depend on: its words and filters, not its category, sort or page. */
type CountedFilters = Pick<SearchQuery, 'q' | 'minCents' | 'maxCents' | 'minRating' | 'inStock'>

function filterConditions(query: CountedFilters, categoryIds: number[] | null, mode: Mode, withCategory: boolean): SQL[] {
  const conditions: SQL[] = [sql`p.active`]
  // A SKU typed whole finds its variant's product (through the unique index on lower(sku)).
  if (query.q && mode === 'exact') conditions.push(sql`(p.search_vector @@ websearch_to_tsquery('english', ${query.q}) or ${skuMatch(query.q)})`)
  if (query.q && mode === 'fuzzy') {
    conditions.push(sql`${fuzzyText(query.q)} <% p.name`)
    for (const term of excludedTerms(query.q)) {
      conditions.push(sql`not (p.search_vector @@ phraseto_tsquery('english', ${term}))`)
    }
  }
  if (withCategory && categoryIds)
    conditions.push(
      sql`p.category_id in (${sql.join(
        categoryIds.map((id) => sql`${id}`),
        sql`, `,
      )})`,
    )
  if (query.minCents !== null) conditions.push(sql`p.price_cents >= ${query.minCents}`)
  if (query.maxCents !== null) conditions.push(sql`p.price_cents <= ${query.maxCents}`)
  if (query.minRating !== null) conditions.push(sql`p.rating_avg >= ${query.minRating}`)
  if (query.inStock) conditions.push(sql`p.stock > 0`)
  return conditions
}

/** Whether the product sells a variant with exactly this SKU (any case). */
function skuMatch(q: string): SQL {
  return sql`p.id = any(array(select v.product_id from product_variants v where lower(v.sku) = lower(${q.trim()})))`
}

function orderBy(query: SearchQuery, mode: Mode): SQL {
  switch (query.sort) {
    case 'price_asc':
      return sql`p.price_cents asc, p.id asc`
    case 'price_desc':
      return sql`p.price_cents desc, p.id desc`
    case 'rating':
      return sql`p.rating_avg desc, p.rating_count desc, p.id asc`
    case 'newest':
      return sql`p.created_at desc, p.id desc`
    case 'relevance':
      if (!query.q) return sql`p.created_at desc, p.id desc`
      return mode === 'exact'
        ? sql`${skuMatch(query.q)} desc, ts_rank(p.search_vector, websearch_to_tsquery('english', ${query.q})) desc, p.id asc`
        : sql`word_similarity(${fuzzyText(query.q)}, p.name) desc, p.id asc`
  }
}

/** The two statements behind one listing page: its rows, and the category counts its total adds up from. */
export function searchStatements(query: SearchQuery, categoryIds: number[] | null, mode: Mode) {
  const where = sql.join(filterConditions(query, categoryIds, mode, true), sql` and `)
  const offset = (query.page - 1) * PAGE_SIZE
  return {
    // The page is cut first and the image looked up for its rows only: in one select, Postgres
    // runs the image subquery for every row the offset skips too (6.8 s for page 10,000 of 1M).
    rows: sql`
    select p.id, p.slug, p.name, p.price_cents as "priceCents", p.max_price_cents as "maxPriceCents", p.currency, p.stock,
           (select min(v.id) from product_variants v where v.product_id = p.id and v.option1 is null having count(*) = 1) as "quickAddVariantId",
           p.rating_avg as "ratingAvg", p.rating_count as "ratingCount", p.name as "imageAlt",
           (select i.url from product_images i where i.product_id = p.id order by i.position, i.id limit 1) as "imageUrl"
    from (
      select p.* from products p
      where ${where}
      order by ${orderBy(query, mode)}
      limit ${PAGE_SIZE} offset ${offset}
    ) p
    order by ${orderBy(query, mode)}`,
    facets: countsStatement(query, mode),
  }
}

/**
 * Counted by category with the category filter left out (so each category shows what picking it
 * gives); the page's total is their sum over the chosen categories, with no count(*) of its own.
 */
function countsStatement(filters: CountedFilters, mode: Mode) {
  const where = sql.join(filterConditions(filters, null, mode, false), sql` and `)
  return sql`select p.category_id as "categoryId", count(*)::int as count from products p where ${where} group by p.category_id`
}

/** Runs `statement` where the fuzzy fallback's similarity threshold holds (a transaction of its own), or on the pool. */
function inMode<T>(mode: Mode, statement: (executor: Executor) => Promise<T>): Promise<T> {
  if (mode === 'exact') return statement(db)
  return db.transaction(async (tx) => {
    await tx.execute(sql`select set_config('pg_trgm.word_similarity_threshold', ${FUZZY_THRESHOLD}, true)`)
    return statement(tx)
  })
}

/**
 * Products per category for these words and filters, cached apart from the pages: every page,
 * sort and category of one search, and every unfiltered category listing, share one entry. Over a
 * large catalog this is a listing's slowest statement (~0.3 s at 1M products), so page 2 of a
 * search, or a category's page nobody opened yet, costs only its rows.
 */
async function categoryCounts(filters: CountedFilters, mode: Mode): Promise<{ categoryId: number; count: number }[]> {
  'use cache'
  cacheTag(catalogTags.all, catalogTags.cards)
  cacheLife('minutes')
  return [...(await inMode(mode, (executor) => executor.execute<{ categoryId: number; count: number }>(countsStatement(filters, mode))))]
}

async function runSearch(query: SearchQuery, categories: Category[], categoryIds: number[] | null, mode: Mode) {
  const { q, minCents, maxCents, minRating, inStock } = query
  // The two run side by side on the pool: a new search waits for the slower, not the sum.
  const [rows, counts] = await Promise.all([
    inMode(mode, (executor) => executor.execute<ProductCard & Record<string, unknown>>(searchStatements(query, categoryIds, mode).rows)),
    categoryCounts({ q, minCents, maxCents, minRating, inStock }, mode),
  ])
  const chosen = categoryIds ? new Set(categoryIds) : null
  const total = counts.reduce((sum, row) => (chosen === null || chosen.has(row.categoryId) ? sum + row.count : sum), 0)
  return { products: [...rows], total, facets: buildFacets(categories, counts) }
}

function buildFacets(categories: Category[], rows: Iterable<{ categoryId: number; count: number }>): CategoryFacet[] {
  const totals = rollUpCounts(categories, new Map([...rows].map((row) => [row.categoryId, row.count])))
  return flattenTree(categories)
    .filter(({ category }) => (totals.get(category.id) ?? 0) > 0)
    .map(({ category, depth }) => ({ slug: category.slug, name: category.name, count: totals.get(category.id) ?? 0, depth }))
}

/**
 * Full-text search (websearch syntax, name weighted over description) with filters, facets,
 * sorting and pagination, all in Postgres. When the words match nothing, falls back to
 * trigram similarity on product names so a typo still finds the product.
 */
export async function searchProducts(query: SearchQuery): Promise<SearchResult> {
  'use cache'
  cacheTag(catalogTags.all, catalogTags.cards)
  cacheLife('minutes')

  const categories = await getCategories()
  const category = query.category ? categories.find((candidate) => candidate.slug === query.category) : undefined
  const categoryIds = category ? descendantIds(categories, category.id) : null

  let mode: Mode = 'exact'
  let result = await runSearch(query, categories, categoryIds, mode)
  if (result.total === 0 && fuzzyText(query.q).length >= 3) {
    mode = 'fuzzy'
    result = await runSearch(query, categories, categoryIds, mode)
  }
  return {
    ...result,
    page: query.page,
    pageCount: Math.ceil(result.total / PAGE_SIZE),
    fuzzy: mode === 'fuzzy' && result.total > 0,
  }
}

export type Suggestion = { slug: string; name: string; priceCents: number; maxPriceCents: number; currency: string }

/** As-you-type suggestions: prefix match on the words typed so far, then similar names. */
export async function suggestProducts(q: string): Promise<Suggestion[]> {
  'use cache'
  cacheTag(catalogTags.all)
  cacheLife('minutes')
  const words =
    q
      .toLowerCase()
      .match(/[\p{L}\p{N}]+/gu)
      ?.slice(0, 8) ?? []
  if (words.length === 0) return []
  // Every word must match, the last one as a prefix ("wireless head" → wireless & head:*).
  const prefixQuery = words.map((word, index) => (index === words.length - 1 ? `${word}:*` : word)).join(' & ')
  const rows = await db.execute<Suggestion & Record<string, unknown>>(sql`
    select p.slug, p.name, p.price_cents as "priceCents", p.max_price_cents as "maxPriceCents", p.currency
    from products p
    where p.active and (p.search_vector @@ to_tsquery('english', ${prefixQuery}) or ${words.join(' ')} <% p.name)
    order by (p.search_vector @@ to_tsquery('english', ${prefixQuery})) desc,
             word_similarity(${words.join(' ')}, p.name) desc, p.rating_count desc, p.id asc
    limit ${SUGGEST_LIMIT}`)
  return [...rows]
}
