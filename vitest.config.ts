import path from 'node:path'
import { defineConfig } from 'vitest/config'

export default defineConfig({
  resolve: {
    alias: {
      '@': path.resolve(import.meta.dirname),
      // `server-only` throws outside React Server Components; tests run on the server anyway.
      'server-only': path.resolve(import.meta.dirname, 'lib/testing/empty-module.ts'),
      // Cached functions run uncached under test: see lib/testing/next-cache.ts.
      'next/cache': path.resolve(import.meta.dirname, 'lib/testing/next-cache.ts'),
    },
  },
  test: {
    include: ['{lib,db,app,components,cache-handlers}/**/*.test.{ts,tsx}'],
    globalSetup: ['lib/testing/global-setup.ts'],
    setupFiles: ['lib/testing/setup.ts'],
    // One database for the whole run; test files take turns.
    fileParallelism: false,
    testTimeout: 20_000,
    hookTimeout: 120_000,
  },
})
