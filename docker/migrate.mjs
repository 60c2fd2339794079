// Applies db/migrations to DATABASE_URL before the container serves (docker/entrypoint.sh).
// Plain JavaScript because the image has no TypeScript runner; the same steps as db/migrate.ts,
// including its advisory lock key, so replicas starting together migrate one at a time.
import path from 'node:path'
import { drizzle } from 'drizzle-orm/postgres-js'
import { migrate } from 'drizzle-orm/postgres-js/migrator'
import postgres from 'postgres'

const MIGRATION_LOCK_KEY = 727_001 // keep equal to db/migrate.ts

const url = process.env.DATABASE_URL
if (!url) {
  console.error('DATABASE_URL is not set: the container needs a PostgreSQL database.')
  process.exit(1)
}

const sql = postgres(url, { max: 1, onnotice: () => {} })
try {
  // The database may still be starting (compose starts everything together): retry for a minute.
  for (let attempt = 1; ; attempt++) {
    try {
      await sql`select 1`
      break
    } catch (error) {
      if (attempt >= 30) throw error
      await new Promise((resolve) => setTimeout(resolve, 2000))
    }
  }
  await sql`select pg_advisory_lock(${MIGRATION_LOCK_KEY})`
  try {
    await migrate(drizzle(sql), { migrationsFolder: path.resolve('db/migrations') })
  } finally {
    await sql`select pg_advisory_unlock(${MIGRATION_LOCK_KEY})`
  }
  console.log('Migrations applied.')
} finally {
  await sql.end()
}
