import { defineConfig, devices, type LaunchOptions } from '@playwright/test'

/**
 * End-to-end tests against the production build.
 *
 * The web server below runs `npm start` (`next start` wrapped by db/scripts/with-db.ts), so a
 * production build must already exist: run `npm run build` first (CI does). The tests use their
 * own embedded PGlite database in `.data/e2e-pglite` on port 54339 (E2E_PGLITE_PORT), so they never touch a
 * developer's running shop; the wrapper creates, migrates and seeds it on first start (~15 s).
 *
 *   npm run build && npx playwright test        # Playwright's bundled Chromium (`npx playwright install chromium`)
 *   npm run build && CI=1 npx playwright test   # the system Chromium at /usr/bin/chromium
 *   PLAYWRIGHT_CHROMIUM=/path/to/chrome npx playwright test
 */

// E2E_PORT / E2E_PGLITE_PORT let two checkouts run their suites side by side.
const PORT = Number(process.env.E2E_PORT ?? 3100)
const PGLITE_PORT = process.env.E2E_PGLITE_PORT ?? '54339'
const baseURL = `http://127.0.0.1:${PORT}`
const isCI = !!process.env.CI

// CI images ship Debian's Chromium instead of Playwright's download. PLAYWRIGHT_CHROMIUM may be
// a flag ("1") or the path of a Chromium binary.
const systemChromium = process.env.PLAYWRIGHT_CHROMIUM
const useSystemChromium = isCI || !!systemChromium
const launchOptions: LaunchOptions = useSystemChromium
  ? {
      executablePath: systemChromium?.includes('/') ? systemChromium : '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
    }
  : {}

export default defineConfig({
  testDir: 'e2e',
  // e2e/ also holds the load-test script (e2e/bench); only *.spec.ts files are tests.
  testMatch: '**/*.spec.ts',
  fullyParallel: false,
  forbidOnly: isCI,
  // The CI machine has two cores: one runs the shop, one runs the browser.
  workers: isCI ? 1 : undefined,
  retries: isCI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: isCI ? 'list' : [['list'], ['html', { open: 'never' }]],
  use: {
    baseURL,
    trace: 'on-first-retry',
    launchOptions,
  },
  projects: [
    { name: 'desktop', use: { ...devices['Desktop Chrome'] } },
    { name: 'mobile', use: { ...devices['Pixel 7'] } },
  ],
  webServer: {
    // Needs an existing production build (`npm run build`).
    command: 'npm start',
    url: baseURL,
    env: {
      PORT: String(PORT),
      // Links in mail (password reset) point at this server.
      SITE_URL: baseURL,
      PGLITE_DIR: '.data/e2e-pglite',
      PGLITE_PORT,
      NEXT_TELEMETRY_DISABLED: '1',
      // `next start` is production: it needs a session secret (a fixed one is fine for tests).
      AUTH_SECRET: 'e2e-only-secret-not-for-production-0123456789',
      AUTH_TRUST_HOST: 'true',
      // Password-reset mail is read from the development outbox (as the demo admin: `next start`
      // is production, where only admins may open it).
      DEV_MAILBOX: 'true',
      // The browser plays the one trusted proxy: tests that need a client IP of their own send
      // it as X-Forwarded-For (useOwnClientIp in e2e/support.ts); the others come from 127.0.0.1.
      TRUSTED_PROXY_HOPS: '1',
      // `next start` is production, where the demo payment provider is off unless asked for.
      DEMO_PAYMENTS: 'true',
    },
    reuseExistingServer: !isCI,
    // The first start creates and seeds the e2e database.
    timeout: 180_000,
    stdout: 'pipe',
    // SIGTERM lets the wrapper stop `next start` and then close the embedded database cleanly.
    gracefulShutdown: { signal: 'SIGTERM', timeout: 10_000 },
  },
})
