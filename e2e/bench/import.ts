import 'server-only'
import { rmSync } from 'node:fs'
import { parseArgs } from 'node:util'
import postgres from 'postgres'
import { startEmbeddedServer } from '@/db/embedded'
import { migrateDatabase } from '@/db/migrate'
import { seedCatalog } from '@/db/seed/catalog'

/**
 * npm run bench:import [-- --rows 10000 --sizes 4]
 *
 * Times the product CSV import (lib/admin/products/import.ts) on the embedded database: a fresh
 * PGlite directory, migrated and seeded, then a file of `rows` variant rows (products with
 * `sizes` sizes each) imported once to create and once more to update every variant. The goal
 * is 10,000 variant rows in under a minute on each run.
 */
const { values } = parseArgs({ options: { rows: { type: 'string', default: '10000' }, sizes: { type: 'string', default: '4' } } })
const rows = Number(values.rows)
const sizes = Math.max(1, Math.min(10, Number(values.sizes)))
const DIR = '.data/bench-import-pglite'
const log = (line: string) => console.log(`[bench:import] ${line}`)

rmSync(DIR, { recursive: true, force: true })
const server = await startEmbeddedServer(DIR, 54351)
try {
  await migrateDatabase(server.url)
  const seed = postgres(server.url, { max: 1, onnotice: () => {} })
  await seedCatalog(seed, { products: 10 })
  const [category] = await seed<{ slug: string }[]>`select slug from categories order by id limit 1`
  await seed.end()
  // lib/env reads DATABASE_URL when first imported: set it before loading the import.
  process.env.DATABASE_URL = server.url
  const { planProductImport, applyProductImport } = await import('@/lib/admin/products/import')
  const { sql } = await import('@/db/client')
  const [admin] = await sql<
    { id: string; email: string }[]
  >`insert into users (id, email, name, role) values (gen_random_uuid()::text, 'bench-import@example.com', 'Bench', 'admin') returning id, email`
  if (!admin || !category) throw new Error('no admin or category')

  const sizeNames = ['XS', 'S', 'M', 'L', 'XL', 'XXL', '3XL', '4XL', '5XL', '6XL'].slice(0, sizes)
  const csv = (title: string) => {
    const lines = ['Handle,Title,Category,Option1 Name,Option1 Value,Variant SKU,Variant Price,Variant Compare At Price,Variant Inventory Qty']
    for (let i = 0; i < rows; i++) {
      const product = Math.floor(i / sizes)
      const size = sizeNames[i % sizes]
      const first = i % sizes === 0
      lines.push(`bench-${product},${first ? `${title} ${product}` : ''},${first ? category.slug : ''},${first ? 'Size' : ''},${size},BENCH-${product}-${size},${(product % 500) + 10}.99,,${i % 50}`)
    }
    return lines.join('\r\n')
  }
  for (const [label, title] of [
    ['create', 'Bench tee'],
    ['update', 'Bench shirt'],
  ] as const) {
    const started = performance.now()
    const planned = await planProductImport(csv(title))
    if (!planned.ok) throw new Error(planned.error)
    if (planned.plan.report.errorCount > 0) throw new Error(JSON.stringify(planned.plan.report.errors.slice(0, 3)))
    const checked = performance.now()
    const result = await applyProductImport(admin, planned.plan)
    const total = performance.now() - started
    log(
      `${label}: ${rows.toLocaleString('en-US')} variant rows (${result.created + result.updated} products) in ${(total / 1000).toFixed(1)} s ` +
        `(check ${((checked - started) / 1000).toFixed(1)} s, write ${((total - (checked - started)) / 1000).toFixed(1)} s) — goal under 60 s: ${total < 60_000 ? 'met' : 'MISSED'}`,
    )
  }
  await sql.end()
} finally {
  await server.stop()
  rmSync(DIR, { recursive: true, force: true })
}
