import { readdirSync, statSync } from 'node:fs'
import path from 'node:path'
import { expect, test } from '@playwright/test'

/**
 * Made-up URLs must not fill the server's disk (issue 9, item 5). Each unknown product or
 * category used to leave about 110 KB of 404 page in .next/server/route-cache, for ever.
 * Measured on the build the web server runs (`npm start`).
 */

const distDir = path.resolve(process.env.NEXT_DIST_DIR || '.next')

function bytesUnder(dir: string): number {
  let total = 0
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) total += bytesUnder(full)
    else if (entry.isFile()) total += statSync(full).size
  }
  return total
}

test('200 made-up product and category URLs answer 404 and leave the build folder as it was', async ({ request, isMobile }, testInfo) => {
  test.skip(isMobile, 'HTTP requests only: the viewport changes nothing, and the desktop project runs it')
  test.setTimeout(180_000)
  const run = `${testInfo.project.name}-${Date.now().toString(36)}`
  const paths = Array.from({ length: 200 }, (_, index) => (index % 2 === 0 ? `/products/made-up-${run}-${index}` : `/category/made-up-${run}-${index}`))

  // One made-up URL first, so anything the server writes once (not per URL) is already written.
  expect((await request.get(`/products/warm-up-${run}`)).status()).toBe(404)
  const before = bytesUnder(distDir)

  for (let start = 0; start < paths.length; start += 8) {
    const batch = paths.slice(start, start + 8)
    const statuses = await Promise.all(batch.map(async (url) => (await request.get(url)).status()))
    expect(statuses).toEqual(batch.map(() => 404))
  }

  const grown = bytesUnder(distDir) - before
  // Before the fix: about 22 MB for these 200 URLs.
  expect(grown, `${distDir} grew by ${grown} bytes`).toBeLessThan(64 * 1024)
})

test('a new search renders at request time, then comes from the route cache, and adding to the cart works on both', async ({ page, request }) => {
  // A price limit of its own makes each search one the server has not been asked for.
  const searchUpTo = (cents: number) => `/search?in_stock=1&sort=price_asc&max=${(cents / 100).toFixed(2)}`
  const base = 50_000 + (Date.now() % 40_000)
  const repeated = searchUpTo(base)
  expect((await request.get(repeated)).headers()['cache-control']).toContain('no-store')
  expect((await request.get(repeated)).headers()['cache-control']).toContain('s-maxage')

  // The add-to-cart action reaches the route its page was rendered by, request-time or cached.
  const badge = page.getByTestId('cart-count').filter({ visible: true })
  for (const [url, count] of [
    [searchUpTo(base + 1), '1'],
    [repeated, '2'],
  ] as const) {
    await page.goto(url)
    const answered = page.waitForResponse((response) => response.request().method() === 'POST' && response.request().headers()['next-action'] !== undefined)
    await page
      .getByRole('button', { name: /^Add .+ to cart$/ })
      .first()
      .click()
    expect((await answered).status()).toBe(200)
    await expect(badge).toHaveText(count)
  }
})
