import { expect, type Page, test } from '@playwright/test'

/**
 * Links prefetch when a shopper reaches for them, not when they scroll into view: a listing holds
 * ~40 links, and prefetching each right after load cost a phone a second of main thread and ~60
 * requests (README, Performance).
 */

function prefetchesOf(page: Page) {
  const urls: string[] = []
  page.on('request', (request) => {
    if (request.headers()['next-router-prefetch'] || new URL(request.url()).searchParams.has('_rsc')) urls.push(new URL(request.url()).pathname)
  })
  return urls
}

test('a listing page fetches no other page until a link is hovered, then only that one', async ({ page, isMobile }) => {
  test.skip(isMobile, 'hover is a pointer gesture')
  const prefetched = prefetchesOf(page)
  await page.goto('/category/audio')
  const firstProduct = page.getByRole('main').getByRole('heading', { level: 3 }).getByRole('link').first()
  await expect(firstProduct).toBeVisible()
  await page.waitForLoadState('networkidle')
  expect(prefetched).toEqual([])

  const href = await firstProduct.getAttribute('href')
  await firstProduct.hover()
  // One page may take more than one request (its route tree, then its segments), so count pages.
  await expect.poll(() => [...new Set(prefetched)]).toEqual([href])
  // Followed by the router, not a page load: what was set on the window is still there.
  await page.evaluate(() => Object.assign(window, { __sameDocument: true }))
  await firstProduct.click()
  await expect(page).toHaveURL(new RegExp(`${href}$`))
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
  expect(await page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(true)
})

test('a Ctrl- or Cmd-click on a product opens it in a new tab and leaves the listing where it was', async ({ page, context, isMobile }) => {
  test.skip(isMobile, 'a modifier click is a keyboard and mouse gesture')
  await page.goto('/category/audio')
  const firstProduct = page.getByRole('main').getByRole('heading', { level: 3 }).getByRole('link').first()
  const href = await firstProduct.getAttribute('href')
  const [tab] = await Promise.all([context.waitForEvent('page'), firstProduct.click({ modifiers: ['ControlOrMeta'] })])
  await expect(tab).toHaveURL(new RegExp(`${href}$`))
  await expect(tab.getByRole('heading', { level: 1 })).toBeVisible()
  await expect(page).toHaveURL(/\/category\/audio$/)
})
