import 'server-only'
import { parseArgs } from 'node:util'
import postgres from 'postgres'
import { z } from 'zod'
import { env } from '@/lib/env'
import { seedCatalog } from '../seed/catalog'
import { withDatabase } from './database'

// Usage: npm run db:seed [-- --products 100000]   (replaces the catalog)
const { values } = parseArgs({ options: { products: { type: 'string' } } })
const products = z.coerce
  .number()
  .int()
  .min(1)
  .max(1_000_000)
  .safeParse(values.products ?? env.SEED_PRODUCTS)
if (!products.success) {
  console.error('--products must be a whole number between 1 and 1,000,000')
  process.exit(2)
}

await withDatabase(async ({ url }) => {
  const sql = postgres(url, { max: 1, onnotice: () => {} })
  try {
    await seedCatalog(sql, { products: products.data, log: console.log })
  } finally {
    await sql.end()
  }
})
