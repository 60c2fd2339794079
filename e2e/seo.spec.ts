import { expect, test } from '@playwright/test'

const slug = 'aurora-wireless-headphones'
const productName = 'Aurora Wireless Headphones'

test.describe('product page metadata', () => {
  test.beforeEach(async ({ page }) => {
    await page.goto(`/products/${slug}`)
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(productName)
  })

  test('has a canonical link and Open Graph title', async ({ page }) => {
    const canonical = page.locator('link[rel="canonical"]')
    await expect(canonical).toHaveCount(1)
    await expect(canonical).toHaveAttribute('href', new RegExp(`^https?://[^/]+/products/${slug}$`))
    await expect(page.locator('meta[property="og:title"]')).toHaveAttribute('content', productName)
    await expect(page).toHaveTitle(new RegExp(`^${productName}`))
  })

  test('has Product JSON-LD with an offer price', async ({ page }) => {
    const scripts = await page.locator('script[type="application/ld+json"]').allTextContents()
    const products = scripts.map((text) => JSON.parse(text) as Record<string, unknown>).filter((data) => data['@type'] === 'Product')
    expect(products).toHaveLength(1)
    const product = products[0] as { name: string; url: string; offers: { price: string; priceCurrency: string } }
    expect(product.name).toBe(productName)
    expect(new URL(product.url).pathname).toBe(`/products/${slug}`)
    expect(product.offers.priceCurrency).toBe('USD')
    expect(product.offers.price).toMatch(/^\d+(\.\d{2})?$/)
    expect(Number(product.offers.price)).toBeGreaterThan(0)
  })
})

test('crawlers get the canonical link in the server-rendered HTML', async ({ request }) => {
  const response = await request.get(`/products/${slug}`, { headers: { 'User-Agent': 'Googlebot/2.1 (+http://www.google.com/bot.html)' } })
  expect(response.status()).toBe(200)
  const html = await response.text()
  expect(html).toMatch(new RegExp(`<link rel="canonical" href="[^"]*/products/${slug}"`))
  expect(html).toContain('application/ld+json')
})

test('sitemap.xml lists product and category URLs', async ({ request }) => {
  const response = await request.get('/sitemap.xml')
  expect(response.status()).toBe(200)
  expect(response.headers()['content-type']).toContain('xml')
  const locs = [...(await response.text()).matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => new URL(match[1] ?? '').pathname)
  expect(locs).toContain(`/products/${slug}`)
  expect(locs).toContain('/category/audio')
  expect(locs.filter((path) => path.startsWith('/products/')).length).toBeGreaterThanOrEqual(100)
})

test('robots.txt points at the sitemap', async ({ request }) => {
  const response = await request.get('/robots.txt')
  expect(response.status()).toBe(200)
  expect(await response.text()).toMatch(/^Sitemap: \S+\/sitemap\.xml$/m)
})
