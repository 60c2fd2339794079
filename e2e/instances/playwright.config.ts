import { defineConfig, devices } from '@playwright/test'

/**
 * The two-instance checks, started by e2e/instances/run.ts (`npm run test:instances`), which
 * brings up Redis and the two servers first. Files are `*.check.ts` so the main suite skips them.
 */
const systemChromium = process.env.PLAYWRIGHT_CHROMIUM
const useSystemChromium = !!process.env.CI || !!systemChromium

export default defineConfig({
  testDir: '.',
  testMatch: '*.check.ts',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  // Generous: CI's two cores run two servers, PostgreSQL, Redis and the browser.
  timeout: 120_000,
  expect: { timeout: 30_000 },
  reporter: 'list',
  outputDir: '../../test-results/instances/playwright',
  use: {
    ...devices['Desktop Chrome'],
    screenshot: 'only-on-failure',
    launchOptions: useSystemChromium
      ? {
          executablePath: systemChromium?.includes('/') ? systemChromium : '/usr/bin/chromium',
          args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run'],
        }
      : {},
  },
})
