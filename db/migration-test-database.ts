import { rmSync } from 'node:fs'
import { drizzle } from 'drizzle-orm/postgres-js'
import { migrate } from 'drizzle-orm/postgres-js/migrator'
import postgres from 'postgres'
import { afterAll, beforeAll } from 'vitest'
import { type EmbeddedServer, startInMemoryServer } from './embedded'
import { migrateDatabase } from './migrate'
import { migrationsBefore } from './migrations-before'

/**
 * For migration tests: an in-memory database in the shape production had before migration `tag`,
 * made before the enclosing suite's tests and removed after them. Tests fill it through `sql`, as
 * that older code would have, then `migrateToLatest()` runs every later migration over the rows.
 */
export function databaseBefore(tag: string) {
  let server: EmbeddedServer | undefined
  let connection: postgres.Sql | undefined
  let folder: string | undefined
  beforeAll(async () => {
    server = await startInMemoryServer()
    connection = postgres(server.url, { max: 1, onnotice: () => {} })
    folder = migrationsBefore(tag)
    await migrate(drizzle(connection), { migrationsFolder: folder })
  })
  afterAll(async () => {
    await connection?.end()
    await server?.stop()
    if (folder) rmSync(folder, { recursive: true, force: true })
  })
  const ready = () => {
    if (!server || !connection) throw new Error('the migration test database exists only while its tests run')
    return { server, connection }
  }
  // `sql` is handed out when the test file loads, before beforeAll connects: it forwards calls
  // (tagged templates) and properties (sql.json, sql.begin…) to the connection made there.
  const sql = new Proxy(function () {} as unknown as postgres.Sql, {
    apply: (_target, _this, args: unknown[]) => Reflect.apply(ready().connection as unknown as (...args: unknown[]) => unknown, undefined, args),
    get: (_target, property) => Reflect.get(ready().connection, property) as unknown,
  })
  return { sql, migrateToLatest: () => migrateDatabase(ready().server.url) }
}
