import AxeBuilder from '@axe-core/playwright'
import { expect, type Page, test } from '@playwright/test'

/**
 * The merchant's catalog journey: log in as the seeded admin, create a product, give it an
 * image, and find it in the storefront's search straight away (the catalog cache is invalidated
 * by the save).
 */

const demoAdmin = { email: 'admin@northwind.test', password: 'northwind-admin-demo' }

// A real 1×1 PNG: the upload is checked by its bytes, and the shop's image optimiser decodes it.
const onePixelPng = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64')

/** Only the visible control counts (Next keeps the previous page mounted but hidden after a client navigation). */
function field(page: Page, label: string) {
  return page.getByLabel(label, { exact: true }).filter({ visible: true })
}

async function submit(page: Page, buttonName: string) {
  const answered = page.waitForResponse((response) => response.request().method() === 'POST' && response.request().headers()['next-action'] !== undefined)
  await page.getByRole('button', { name: buttonName, exact: true }).click()
  await answered
}

test('an admin creates a product with an image and finds it in the storefront search', async ({ page }, testInfo) => {
  const name = `Aurora Test Lantern ${testInfo.project.name} ${Date.now()}`

  await test.step('log in as the merchant', async () => {
    await page.goto('/login?callbackUrl=%2Fadmin%2Fproducts%2Fnew')
    await field(page, 'Email').fill(demoAdmin.email)
    await field(page, 'Password').fill(demoAdmin.password)
    await submit(page, 'Log in')
    await expect(page.getByRole('heading', { level: 1, name: 'New product' })).toBeVisible()
  })

  await test.step('create the product', async () => {
    await field(page, 'Name').fill(name)
    await field(page, 'Price (USD)').fill('-4')
    await field(page, 'Stock').fill('12')
    await field(page, 'Category').selectOption({ index: 1 })
    await field(page, 'Description').fill('A lantern made in an end-to-end test.')
    await page.getByRole('button', { name: 'Create product' }).click()
    // Bad input: a message per field, nothing created.
    await expect(page.getByRole('alert').filter({ hasText: 'Please correct the highlighted fields.' })).toBeVisible()
    await expect(page.getByText(/Enter a price in dollars/)).toBeVisible()
    await field(page, 'Price (USD)').fill('49.50')
    await page.getByRole('button', { name: 'Create product' }).click()
    await expect(page.getByRole('heading', { level: 1, name })).toBeVisible()
    await expect(page.getByRole('status').filter({ hasText: 'Product created.' })).toBeVisible()
  })

  await test.step('upload an image with alt text', async () => {
    await field(page, 'Image files').setInputFiles({ name: 'lantern.png', mimeType: 'image/png', buffer: onePixelPng })
    await expect(page.getByRole('img', { name: 'Preview of lantern.png' })).toBeVisible()
    await field(page, 'Image description (alt text)').fill('A glowing lantern')
    await submit(page, 'Upload images')
    await expect(page.getByRole('status').filter({ hasText: 'Image added.' })).toBeVisible()
    await expect(page.getByRole('img', { name: 'A glowing lantern' })).toBeVisible()
    const src = await page.getByRole('img', { name: 'A glowing lantern' }).getAttribute('src')
    expect(src).toMatch(/^\/uploads\/[a-f0-9]{24}\.png$/)
    const image = await page.request.get(src ?? '')
    expect(image.status()).toBe(200)
    expect(image.headers()['content-type']).toBe('image/png')
  })

  await test.step('find it in the storefront search at once', async () => {
    await page.goto(`/search?q=${encodeURIComponent(name)}`)
    const result = page.getByRole('link', { name })
    await expect(result).toBeVisible()
    await result.click()
    await expect(page.getByRole('heading', { level: 1, name })).toBeVisible()
    await expect(page.getByText('$49.50').first()).toBeVisible()
  })

  await test.step('the product page shows the photo, resized by the image optimiser', async () => {
    const photo = page.getByRole('img', { name: 'A glowing lantern' }).first()
    await expect(photo).toBeVisible()
    // decode() rejects for an image that failed to load or is not one. (naturalWidth would not do:
    // a 1-pixel photo picked from a 1200w candidate on a 412 px phone rounds to 0.)
    expect(
      await photo.evaluate((image: HTMLImageElement) =>
        image.decode().then(
          () => 'decoded',
          () => 'broken',
        ),
      ),
    ).toBe('decoded')
    expect(await photo.evaluate((image: HTMLImageElement) => image.currentSrc)).toMatch(/\/_next\/image\?url=%2Fuploads%2F[a-f0-9]{24}\.png&w=\d+&q=75$/)
  })
})

test('the admin pages have no serious or critical accessibility violations', async ({ page, isMobile }) => {
  // No admin markup is shown or hidden by screen width, so axe finds the same at both: the phone
  // checks the dashboard, the desktop every page (about 30 s each).
  const pages = isMobile
    ? ['/admin']
    : ['/admin', '/admin/products', '/admin/products/new', '/admin/products/import', '/admin/categories', '/admin/orders', '/admin/customers', '/admin/settings', '/admin/audit']
  await page.goto('/login?callbackUrl=%2Fadmin')
  await field(page, 'Email').fill(demoAdmin.email)
  await field(page, 'Password').fill(demoAdmin.password)
  await submit(page, 'Log in')
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible()
  const found: Record<string, unknown[]> = {}
  for (const path of pages) {
    await page.goto(path)
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze()
    const serious = results.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    if (serious.length > 0) found[path] = serious.map((violation) => ({ rule: violation.id, targets: violation.nodes.map((node) => node.target.join(' ')).slice(0, 3) }))
  }
  // A product's edit page (images, stock, history) and an order page, reached through their lists.
  const detailPages = isMobile
    ? []
    : ([
        ['/admin/products?sort=name', /.+/],
        ['/admin/orders', /^#\d+$/],
      ] as const)
  for (const [list, link] of detailPages) {
    await page.goto(list)
    const first = page.getByRole('main').getByRole('table').getByRole('rowgroup').nth(1).getByRole('link', { name: link }).first()
    if ((await first.count()) === 0) continue
    await first.click()
    await expect(page).toHaveURL(/\/admin\/(products|orders)\/\d+$/)
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze()
    const serious = results.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    if (serious.length > 0) found[page.url()] = serious.map((violation) => ({ rule: violation.id, targets: violation.nodes.map((node) => node.target.join(' ')).slice(0, 3) }))
  }
  expect(found).toEqual({})
})
