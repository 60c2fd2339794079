import 'server-only'
import postgres from 'postgres'
import { env } from '@/lib/env'
import { startEmbeddedServer } from '../embedded'
import { runningEmbeddedServerUrl } from '../embedded-lock'
import { migrateDatabase } from '../migrate'
import { catalogIsEmpty, seedCatalog } from '../seed/catalog'
import { seedDemoActivity } from '../seed/demo-activity'
import { demoUsers, seedDemoUsers } from './demo-users'

export type DatabaseTarget = { url: string; embedded: boolean }

/**
 * Runs `task` against a migrated database: DATABASE_URL when set; otherwise the embedded
 * database, served by the process that already owns it or, if none does, by this one
 * until `task` settles.
 */
export async function withDatabase<T>(task: (target: DatabaseTarget) => Promise<T>): Promise<T> {
  if (env.DATABASE_URL) {
    await migrateDatabase(env.DATABASE_URL)
    return task({ url: env.DATABASE_URL, embedded: false })
  }
  const running = runningEmbeddedServerUrl(env.PGLITE_DIR)
  if (running) {
    await migrateDatabase(running)
    return task({ url: running, embedded: true })
  }
  const server = await startEmbeddedServer(env.PGLITE_DIR, env.PGLITE_PORT)
  try {
    await migrateDatabase(server.url)
    return await task({ url: server.url, embedded: true })
  } finally {
    await server.stop()
  }
}

/** First start of the embedded database: fill it with the demo catalog, demo accounts and their orders and reviews (each when missing). */
export async function seedIfEmpty(url: string) {
  const sql = postgres(url, { max: 1, onnotice: () => {} })
  try {
    if (await catalogIsEmpty(sql)) {
      console.log(`Seeding the demo catalog (${env.SEED_PRODUCTS} products)…`)
      await seedCatalog(sql, { products: env.SEED_PRODUCTS, log: console.log })
    }
    // The catalog seed creates the demo customers who wrote its reviews; any other account means someone is using the shop.
    const [users] = await sql<{ none: boolean }[]>`select not exists (select 1 from users where email not like 'customer-%@northwind.test') as none`
    if (users?.none) {
      await seedDemoUsers(sql)
      console.log(`Demo accounts: ${demoUsers.map((user) => `${user.email} / ${user.password}`).join(', ')}`)
    }
    // Orders and reviews so ratings, verified badges and recommendations show (only while the shop has none).
    await seedDemoActivity(sql, console.log)
  } finally {
    await sql.end()
  }
}
