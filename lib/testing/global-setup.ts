import type { TestProject } from 'vitest/node'
import postgres from 'postgres'
import { startInMemoryServer } from '@/db/embedded'
import { migrateDatabase } from '@/db/migrate'
import { seedCatalog } from '@/db/seed/catalog'

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string
  }
}

/**
 * Tests run against DATABASE_URL when it is set (CI runs them against the PostgreSQL
 * service), otherwise against a fresh in-memory PGlite. Either way the schema is rebuilt
 * from the migrations and the demo catalog is seeded.
 */
export default async function setup(project: TestProject) {
  const external = process.env.DATABASE_URL
  const server = external ? null : await startInMemoryServer()
  const url = external ?? server?.url ?? ''
  const sql = postgres(url, { max: 1, onnotice: () => {} })
  try {
    if (external) await sql`drop schema if exists public cascade; drop schema if exists drizzle cascade; create schema public`.simple()
  } finally {
    await sql.end()
  }
  await migrateDatabase(url)
  const seedSql = postgres(url, { max: 1, onnotice: () => {} })
  try {
    await seedCatalog(seedSql, { products: 200 })
  } finally {
    await seedSql.end()
  }
  project.provide('databaseUrl', url)
  return async () => {
    await server?.stop()
  }
}
