import 'server-only'
import path from 'node:path'
import { drizzle } from 'drizzle-orm/postgres-js'
import { migrate } from 'drizzle-orm/postgres-js/migrator'
import postgres from 'postgres'

const MIGRATION_LOCK_KEY = 727_001 // any constant; serialises concurrent migrators

/** Applies the committed migrations in db/migrations. Safe to run from several processes at once. */
export async function migrateDatabase(url: string) {
  const sql = postgres(url, { max: 1, onnotice: () => {} })
  try {
    await sql`select pg_advisory_lock(${MIGRATION_LOCK_KEY})`
    try {
      await migrate(drizzle(sql), { migrationsFolder: path.join(process.cwd(), 'db/migrations') })
    } finally {
      await sql`select pg_advisory_unlock(${MIGRATION_LOCK_KEY})`
    }
  } finally {
    await sql.end()
  }
}
