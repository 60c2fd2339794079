import { inject, vi } from 'vitest'

process.env.DATABASE_URL = inject('databaseUrl')

// Tests call pages' data functions and actions outside a Next.js request; connection() only
// marks "request time only" for prerendering, so it has nothing to do here.
vi.mock('next/server', async (importOriginal) => ({
  ...(await importOriginal<typeof import('next/server')>()),
  connection: async () => {},
}))
