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
})
