import { type APIResponse, expect, type Page, test } from '@playwright/test'
import { demoAdmin, logIn } from './support'

/**
 * Security headers on every kind of response (issue 9, item 9), and the shop still working
 * under its Content-Security-Policy: artwork, upload previews, the mailbox. The demo payment
 * page is walked under the same policy by checkout.spec.ts.
 */

function expectSecurityHeaders(response: APIResponse, what: string) {
  const headers = response.headers()
  const csp = headers['content-security-policy'] ?? ''
  expect(csp, `${what}: Content-Security-Policy`).toContain("frame-ancestors 'none'")
  expect(csp, what).toContain("object-src 'none'")
  expect(csp, what).toContain("base-uri 'self'")
  expect(csp, what).toMatch(/form-action 'self'( |;|$)/)
  expect(csp, what).toMatch(/script-src 'self' 'unsafe-inline'(;|$)/)
  expect(headers['x-frame-options'], what).toBe('DENY')
  expect(headers['x-content-type-options'], what).toBe('nosniff')
  expect(headers['referrer-policy'], what).toBe('strict-origin-when-cross-origin')
  expect(headers['permissions-policy'], what).toContain('camera=()')
  // `npm start` is production: HSTS is sent (browsers ignore it over plain http).
  expect(headers['strict-transport-security'], what).toMatch(/^max-age=\d+/)
}

/** Collects Content-Security-Policy violations reported by the page. */
function watchViolations(page: Page) {
  const violations: string[] = []
  page.on('console', (message) => {
    if (message.text().includes('Content Security Policy')) violations.push(message.text())
  })
  return violations
}

test('static pages, admin pages and API routes send the security headers', async ({ page, request }) => {
  expectSecurityHeaders(await request.get('/'), 'home page')
  expectSecurityHeaders(await request.get('/orders/lookup'), 'static page')
  expectSecurityHeaders(await request.get('/api/cart'), 'API route')
  expectSecurityHeaders(await request.get('/logo.svg'), 'static file')
  expectSecurityHeaders(await request.get('/admin', { maxRedirects: 0 }), 'admin redirect to login')

  await logIn(page, demoAdmin.email, demoAdmin.password)
  await expect(page).toHaveURL(/\/account$/)
  const admin = await page.request.get('/admin')
  expect(admin.status()).toBe(200)
  expectSecurityHeaders(admin, 'admin page')
})

test('the storefront, product artwork and the mailbox work under the policy', async ({ page }) => {
  const violations = watchViolations(page)
  await page.goto('/search?in_stock=1')
  const artwork = page.locator('main img[src^="/art/"]').first()
  await expect(artwork).toBeVisible()
  await expect.poll(() => artwork.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(0)
  // Hydrated: a client-side action still runs (the header's cart count updates).
  await page
    .getByRole('button', { name: /^Add .+ to cart$/ })
    .first()
    .click()
  await expect(page.getByTestId('cart-count')).toHaveText(/^[1-9]\d*$/)

  // In production the mailbox is for admins only.
  await page.goto('/login?callbackUrl=%2Fdev%2Fmailbox')
  await logIn(page, demoAdmin.email, demoAdmin.password, { open: false })
  await expect(page).toHaveURL(/\/dev\/mailbox$/)
  await expect(page.getByRole('heading', { level: 1, name: 'Development mailbox' })).toBeVisible()
  expect(violations).toEqual([])
})

test('admin upload previews (blob: URLs) show under the policy', async ({ page }) => {
  const violations = watchViolations(page)
  await page.goto('/login?callbackUrl=%2Fadmin%2Fproducts')
  await logIn(page, demoAdmin.email, demoAdmin.password, { open: false })
  await expect(page).toHaveURL(/\/admin\/products$/)
  const hrefs = await page.locator('main a[href^="/admin/products/"]').evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''))
  const editPage = hrefs.find((href) => /^\/admin\/products\/\d+$/.test(href))
  expect(editPage).toBeDefined()
  await page.goto(editPage ?? '')

  const onePixelPng = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64')
  await page.getByLabel('Image files', { exact: true }).filter({ visible: true }).setInputFiles({ name: 'preview.png', mimeType: 'image/png', buffer: onePixelPng })
  const preview = page.getByRole('img', { name: 'Preview of preview.png' })
  await expect(preview).toHaveAttribute('src', /^blob:/)
  await expect.poll(() => preview.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(0)
  expect(violations).toEqual([])
})
