import { defineConfig } from 'drizzle-kit'

// Only `drizzle-kit generate` uses this file (it needs no database).
// Migrations are applied by `npm run db:migrate`, which works on PGlite and Postgres alike.
export default defineConfig({
  dialect: 'postgresql',
  schema: './db/schema/index.ts',
  out: './db/migrations',
  casing: 'snake_case',
})
