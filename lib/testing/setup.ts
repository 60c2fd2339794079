import { inject, vi } from 'vitest'

process.env.DATABASE_URL = inject('databaseUrl')
// The tests play one trusted proxy: the client IP is the last X-Forwarded-For entry they send
// (lib/auth/request.ts; request.test.ts covers the other settings).
process.env.TRUSTED_PROXY_HOPS = '1'

// Tests call pages' data functions and actions outside a Next.js request; connection() only
// marks "request time only" for prerendering, so it has nothing to do here.
vi.mock('next/server', async (importOriginal) => ({
  ...(await importOriginal<typeof import('next/server')>()),
  connection: async () => {},
  // after() needs a request scope: its work is queued (lib/testing/after.ts), for a test to run
  // with runAfterWork() when it checks that work; the rest run jobs and sweeps themselves.
  after: (await import('@/lib/testing/after')).deferAfter,
}))

// next-auth and next/headers only work inside Next.js: every test file gets the stand-ins
// (see lib/testing/next-auth-mock.ts); code under test reaches the session and cookies through them.
vi.mock('next-auth', () => import('@/lib/testing/next-auth-mock'))
vi.mock('next/headers', () => import('@/lib/testing/next-headers-mock'))

// The development outbox logs every message it stores; under test that is only noise.
vi.spyOn(console, 'info').mockImplementation(() => {})
