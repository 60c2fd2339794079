import { expect, test } from '@playwright/test'
import { demoAdmin, field, logIn } from './support'

/**
 * A merchant changes the return window at /admin/settings: a value out of range is refused beside
 * its field, and the one saved is what the home page promises on the next visit.
 */
test('a merchant sets the return window and the home page states it', async ({ page }) => {
  await logIn(page, demoAdmin.email, demoAdmin.password)
  await page.goto('/admin')
  await page.getByRole('navigation', { name: 'Admin' }).getByRole('link', { name: 'Settings' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible()
  await expect(field(page, 'Return window (days)')).toHaveValue('30')

  await field(page, 'Return window (days)').fill('400')
  await page.getByRole('button', { name: 'Save settings' }).click()
  await expect(page.getByText('Enter the return window in whole days, from 0 (no returns) to 365.')).toBeVisible()

  try {
    await field(page, 'Return window (days)').fill('45')
    await page.getByRole('button', { name: 'Save settings' }).click()
    await expect(page.getByRole('status').filter({ hasText: 'Settings saved.' })).toBeVisible()
    await page.goto('/')
    await expect(page.getByRole('main')).toContainText('Fast shipping and free returns within 45 days.')
  } finally {
    // Other specs return items within the default window.
    await page.goto('/admin/settings')
    await field(page, 'Return window (days)').fill('30')
    await page.getByRole('button', { name: 'Save settings' }).click()
    await expect(page.getByRole('status').filter({ hasText: 'Settings saved.' })).toBeVisible()
  }
  await page.goto('/')
  await expect(page.getByRole('main')).toContainText('Fast shipping and free returns within 30 days.')
})

test('a merchant sets the low-stock level and product pages count down from it', async ({ page }) => {
  // A product page that says "In stock": more than the default level (5) left.
  await page.goto('/search?in_stock=1&sort=price_desc')
  const links = await page
    .getByRole('main')
    .getByRole('article')
    .getByRole('link')
    .evaluateAll((anchors) => anchors.map((anchor) => anchor.getAttribute('href') ?? ''))
  let product = ''
  for (const href of links.slice(0, 8)) {
    await page.goto(href)
    if (await page.getByText('In stock', { exact: true }).isVisible()) {
      product = href
      break
    }
  }
  expect(product, 'a product with more than 5 left among the first results').not.toBe('')

  await logIn(page, demoAdmin.email, demoAdmin.password)
  await page.goto('/admin/settings')
  await expect(field(page, 'Low stock at (units)')).toHaveValue('5')
  await field(page, 'Low stock at (units)').fill('1000')
  await page.getByRole('button', { name: 'Save settings' }).click()
  await expect(page.getByText('Enter the low-stock level in whole units, from 0 (sold out only) to 999.')).toBeVisible()
  try {
    await field(page, 'Low stock at (units)').fill('999')
    await page.getByRole('button', { name: 'Save settings' }).click()
    await expect(page.getByRole('status').filter({ hasText: 'Settings saved.' })).toBeVisible()
    // The product page was cached with the old level; the save expired it.
    await page.goto(product)
    await expect(page.getByText(/^Only \d+ left$/)).toBeVisible()
    await page.goto('/admin/products?stock=low')
    await expect(page.getByRole('combobox', { name: 'Stock' })).toContainText('Low (a variant at 999 or fewer)')
  } finally {
    await page.goto('/admin/settings')
    await field(page, 'Low stock at (units)').fill('5')
    await page.getByRole('button', { name: 'Save settings' }).click()
    await expect(page.getByRole('status').filter({ hasText: 'Settings saved.' })).toBeVisible()
  }
  await page.goto(product)
  await expect(page.getByText('In stock', { exact: true })).toBeVisible()
})
