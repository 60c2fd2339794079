import 'server-only'
import { parseArgs } from 'node:util'
import postgres from 'postgres'
import { migrateDatabase } from '@/db/migrate'
import { seedCatalog } from '@/db/seed/catalog'

/**
 * npm run explain -- --database-url postgres://… [--products 1000000] [--skip-seed]
 *
 * The listing queries alone, at a catalog size the HTTP benchmark cannot reach on one machine:
 * fills the database (its schema is dropped) with N generated products, then runs the statements
 * searchProducts() sends (lib/catalog/search.ts, searchStatements) under EXPLAIN ANALYZE, each
 * warm (best of 3), and prints the execution times and the plan's top node.
 */
const { values } = parseArgs({
  options: {
    'database-url': { type: 'string' },
    products: { type: 'string', default: '1000000' },
    'skip-seed': { type: 'boolean', default: false },
  },
})
const url = values['database-url'] ?? process.env.BENCH_DATABASE_URL
if (!url) throw new Error('--database-url (or BENCH_DATABASE_URL): a PostgreSQL database this script may wipe')
const products = Number(values.products)
const log = (line: string) => console.log(`[explain] ${line}`)

if (!values['skip-seed']) {
  const admin = postgres(url, { max: 1, onnotice: () => {} })
  await admin`drop schema if exists public cascade; drop schema if exists drizzle cascade; create schema public`.simple()
  await admin.end()
  await migrateDatabase(url)
  const seeder = postgres(url, { max: 1, onnotice: () => {} })
  // The generator and its reviews take minutes per 100,000 products; beyond that the catalog is
  // cloned in SQL (same names, descriptions, prices and categories; new slugs, spread creation
  // times), which keeps the word frequencies and value distributions of the generated catalog.
  const generated = Math.min(products, 100_000)
  await seedCatalog(seeder, { products: generated, log: (line) => log(line.trim()) })
  if (products > generated) {
    log(`cloning to ${products.toLocaleString('en-US')} products`)
    await seeder`
      insert into products (slug, name, description, price_cents, currency, stock, active, featured, category_id, rating_avg, rating_count, created_at, updated_at)
      select p.slug || '-' || n, p.name, p.description, p.price_cents, p.currency, p.stock, p.active, false, p.category_id, p.rating_avg, p.rating_count,
             p.created_at - make_interval(mins => n), p.updated_at
      from products p cross join generate_series(1, ${Math.ceil(products / generated) - 1}) n
      order by n, p.id
      limit ${products - generated}`
  }
  await seeder`vacuum analyze`.simple()
  await seeder.end()
}

// lib/env reads DATABASE_URL when db/client is first imported.
process.env.DATABASE_URL = url
const { sql } = await import('drizzle-orm')
const { db } = await import('@/db/client')
const { searchStatements } = await import('@/lib/catalog/search')
const { descendantIds } = await import('@/lib/catalog/category-tree')
const { parseSearchParams, MAX_PAGE, PAGE_SIZE } = await import('@/lib/catalog/search-params')

const categories = await db.execute<{ id: number; slug: string; parentId: number | null }>(sql`select id, slug, parent_id as "parentId" from categories`)
const tree = [...categories].map((c) => ({ ...c, name: c.slug, description: '', position: 0 }))
const audio = tree.find((c) => c.slug === 'audio')
const audioIds = audio ? descendantIds(tree, audio.id) : null
const [{ total } = { total: 0 }] = await db.execute<{ total: number }>(sql`select count(*)::int as total from products where active`)
// The deepest page a visitor can reach: the last one, or MAX_PAGE (a deeper ?page= reads as page 1).
const deepestPage = Math.min(MAX_PAGE, Math.max(1, Math.ceil(total / PAGE_SIZE)))

const cases = [
  { name: 'search "headphones", relevance, page 1', query: parseSearchParams({ q: 'headphones' }), ids: null, statement: 'rows' as const },
  { name: 'search "headphones": facets', query: parseSearchParams({ q: 'headphones' }), ids: null, statement: 'facets' as const },
  {
    name: 'search "wireless" in audio, $20–300, in stock, price ↑, page 2',
    query: parseSearchParams({ q: 'wireless', category: 'audio', min: '20', max: '300', in_stock: '1', sort: 'price_asc', page: '2' }),
    ids: audioIds,
    statement: 'rows' as const,
  },
  { name: 'category audio, newest, page 1', query: parseSearchParams({ category: 'audio' }), ids: audioIds, statement: 'rows' as const },
  { name: 'category audio: facets', query: parseSearchParams({ category: 'audio' }), ids: audioIds, statement: 'facets' as const },
  { name: 'all products: facets', query: parseSearchParams({}), ids: null, statement: 'facets' as const },
  { name: `deepest page (${deepestPage.toLocaleString('en-US')}), newest`, query: parseSearchParams({ page: String(deepestPage) }), ids: null, statement: 'rows' as const },
  { name: `deepest page (${deepestPage.toLocaleString('en-US')}), price ↑`, query: parseSearchParams({ page: String(deepestPage), sort: 'price_asc' }), ids: null, statement: 'rows' as const },
]

type Plan = [{ Plan: { 'Node Type': string; 'Actual Rows': number }; 'Execution Time': number; 'Planning Time': number }]

console.log(`\nListing queries on ${total.toLocaleString('en-US')} active products, EXPLAIN ANALYZE, warm (best of 3)\n`)
console.log('| query | execution ms | planning ms | top plan node |')
console.log('| --- | ---: | ---: | --- |')
for (const c of cases) {
  const statement = searchStatements(c.query, c.ids, 'exact')[c.statement]
  let best: Plan[0] | null = null
  for (let run = 0; run < 3; run++) {
    const [row] = await db.execute<{ 'QUERY PLAN': Plan }>(sql`explain (analyze, format json) ${statement}`)
    const plan = row?.['QUERY PLAN'][0]
    if (plan && (!best || plan['Execution Time'] < best['Execution Time'])) best = plan
  }
  if (best) console.log(`| ${c.name} | ${best['Execution Time'].toFixed(1)} | ${best['Planning Time'].toFixed(1)} | ${best.Plan['Node Type']} |`)
}
process.exit(0)
