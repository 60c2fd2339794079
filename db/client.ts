import 'server-only'
import { drizzle } from 'drizzle-orm/postgres-js'
import postgres from 'postgres'
import { env } from '@/lib/env'
import { runningEmbeddedServerUrl } from './embedded-lock'
import * as schema from './schema'
import { traceSqlClient } from './tracing'

function resolveDatabaseUrl() {
  const url = env.DATABASE_URL ?? runningEmbeddedServerUrl(env.PGLITE_DIR)
  if (!url) {
    throw new Error('No database: set DATABASE_URL, or start the shop with `npm run dev` / `npm start`, which start the embedded database.')
  }
  return url
}

function createClient() {
  return postgres(resolveDatabaseUrl(), {
    max: env.DATABASE_POOL_MAX,
    // Transaction-mode poolers (Neon, Supabase, PgBouncer) cannot keep prepared statements.
    prepare: false,
    onnotice: () => {},
    // bigint (order money, counts) as a JS number rather than a string: every bigint we store is
    // bounded far below 2^53 (lib/bounds.ts), so raw SQL reads money the way Drizzle does.
    types: { int8AsNumber: { to: 20, from: [20], serialize: (value: number) => String(value), parse: (value: string) => Number(value) } },
  })
}

type Client = ReturnType<typeof createClient>

// One pool per process, surviving hot reloads in development.
const globalForDb = globalThis as unknown as { storefrontSql?: Client }
export const sql = globalForDb.storefrontSql ?? createClient()
if (env.NODE_ENV !== 'production') globalForDb.storefrontSql = sql

// With tracing on (OTEL_EXPORTER_OTLP_ENDPOINT), each query is a span; off, the client is untouched.
export const db = drizzle(env.OTEL_EXPORTER_OTLP_ENDPOINT ? traceSqlClient(sql) : sql, { schema, casing: 'snake_case' })
export type Database = typeof db
export type Transaction = Parameters<Parameters<Database['transaction']>[0]>[0]
/** The database or a transaction in progress: functions that take this join the caller's transaction. */
export type Executor = Database | Transaction
