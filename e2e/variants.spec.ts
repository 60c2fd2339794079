import AxeBuilder from '@axe-core/playwright'
import { expect, type Page, test } from '@playwright/test'
import { field, payOnDemoPage, uniqueEmail } from './support'

/**
 * Products with options: a shopper picks a size and a colour on the product page (the price,
 * SKU and picture follow the choice, which lives in the URL), buys two variants of one product
 * with demo payments, and the order names both. The picker is plain links, so it works without
 * JavaScript too. The seeded Packable Rain Jacket comes in S–XXL (XXL costs $10 more) and Navy,
 * Olive and Sand (each colour with its own picture); L in Olive is sold out.
 */

const jacket = '/products/packable-rain-jacket'
// A page left by a client navigation stays in the DOM, hidden, until the shopper comes back to it.
const price = (page: Page) => page.getByTestId('product-price').filter({ visible: true })
const mainImage = (page: Page) => page.getByTestId('product-main-image').getByRole('img')
const option = (page: Page, name: string) => page.getByRole('group', { name: new RegExp(`^${name}`) })

test('a shopper picks a size and colour, sees the price and picture change, and buys two variants of one product', async ({ page }, testInfo) => {
  await page.goto(jacket)
  await expect(price(page)).toContainText('$119.00')
  await expect(page.getByText('SKU: PACKABLE-RAIN-JACKET-S-NAVY')).toBeVisible()
  const navyPicture = await mainImage(page).getAttribute('src')

  await option(page, 'Size').getByRole('link', { name: 'XXL' }).click()
  await expect(page).toHaveURL(/[?&]variant=PACKABLE-RAIN-JACKET-XXL-NAVY$/)
  await expect(price(page)).toContainText('$129.00')
  await expect(option(page, 'Size')).toContainText('Size: XXL')

  await option(page, 'Colour').getByRole('link', { name: 'Olive' }).click()
  await expect(page).toHaveURL(/[?&]variant=PACKABLE-RAIN-JACKET-XXL-OLIVE$/)
  await expect(page.getByText('SKU: PACKABLE-RAIN-JACKET-XXL-OLIVE')).toBeVisible()
  await expect(mainImage(page)).not.toHaveAttribute('src', navyPicture ?? '')
  // A sold-out combination stays listed, marked as such.
  await expect(option(page, 'Size').getByRole('link', { name: /^L\W+sold out$/ })).toBeVisible()

  await page.getByRole('button', { name: 'Add to cart' }).click()
  await expect(page.getByText('Added to your cart (1 in cart).').filter({ visible: true })).toBeVisible()
  await option(page, 'Size').getByRole('link', { name: 'M' }).click()
  await expect(page).toHaveURL(/[?&]variant=PACKABLE-RAIN-JACKET-M-OLIVE$/)
  await expect(price(page)).toContainText('$119.00')
  await page.getByRole('button', { name: 'Add to cart' }).click()
  await expect(page.getByText('Added to your cart (1 in cart).').filter({ visible: true })).toBeVisible()
  await expect(page.getByTestId('cart-count')).toHaveText('2')

  await page.goto('/cart')
  const lines = page.getByRole('list', { name: 'Items in your cart' }).getByRole('listitem')
  await expect(lines).toHaveCount(2)
  await expect(lines.filter({ hasText: 'XXL / Olive' })).toContainText('$129.00')
  await expect(lines.filter({ hasText: 'M / Olive' })).toContainText('$119.00')
  await field(page, 'Email for your receipt').fill(uniqueEmail(testInfo, 'variant-buyer'))
  await page.getByRole('button', { name: 'Check out' }).click()

  await expect(page.getByRole('main')).toContainText('Packable Rain Jacket — XXL / Olive')
  await expect(page.getByRole('main')).toContainText('Packable Rain Jacket — M / Olive')
  await payOnDemoPage(page)
  await expect(page).toHaveURL(/\/checkout\/success\?session_id=cs_demo_/)
  await expect(page.getByTestId('order-status')).toHaveText('Paid')
  await expect(page.getByRole('link', { name: 'Packable Rain Jacket — XXL / Olive' })).toBeVisible()
  await expect(page.getByRole('link', { name: 'Packable Rain Jacket — M / Olive' })).toBeVisible()
})

test('the product page names a SKU it does not sell, and shows a variant it does', async ({ page }) => {
  await page.goto(`${jacket}?variant=AURORA-WIRELESS-HEADPHONES`)
  await expect(page.getByRole('status').filter({ hasText: 'That option is not sold for this product' })).toContainText('showing S / Navy instead')
  await expect(price(page)).toContainText('$119.00')
})

test('the product page describes the jacket as a ProductGroup with one offer per variant', async ({ page }) => {
  await page.goto(jacket)
  const scripts = await page.locator('script[type="application/ld+json"]').allTextContents()
  const group = scripts.map((text) => JSON.parse(text) as Record<string, unknown>).find((data) => data['@type'] === 'ProductGroup') as
    { variesBy: string[]; hasVariant: { sku: string; size: string; color: string; offers: { price: string; availability: string } }[] } | undefined
  expect(group?.variesBy).toEqual(['https://schema.org/size', 'https://schema.org/color'])
  expect(group?.hasVariant).toHaveLength(15)
  expect(group?.hasVariant.find((variant) => variant.sku === 'PACKABLE-RAIN-JACKET-XXL-OLIVE')).toMatchObject({
    size: 'XXL',
    color: 'Olive',
    offers: { price: '129', availability: 'https://schema.org/InStock' },
  })
  expect(group?.hasVariant.find((variant) => variant.sku === 'PACKABLE-RAIN-JACKET-L-OLIVE')?.offers.availability).toBe('https://schema.org/OutOfStock')
})

test('axe finds no serious problems on a product page with the option picker', async ({ page }) => {
  await page.goto(`${jacket}?variant=PACKABLE-RAIN-JACKET-XXL-SAND`)
  await expect(option(page, 'Colour')).toBeVisible()
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze()
  const serious = results.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical').map((violation) => `${violation.id}: ${violation.help}`)
  expect(serious).toEqual([])
})

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false })

  test('the picker is plain links: the chosen variant, its price and SKU come in the page itself', async ({ page }) => {
    await page.goto(jacket)
    await option(page, 'Size').getByRole('link', { name: 'XXL' }).click()
    await expect(page).toHaveURL(/[?&]variant=PACKABLE-RAIN-JACKET-XXL-NAVY$/)
    await expect(price(page)).toContainText('$129.00')
    await option(page, 'Colour').getByRole('link', { name: 'Sand' }).click()
    await expect(page).toHaveURL(/[?&]variant=PACKABLE-RAIN-JACKET-XXL-SAND$/)
    await expect(page.getByText('SKU: PACKABLE-RAIN-JACKET-XXL-SAND')).toBeVisible()
    await expect(option(page, 'Colour')).toContainText('Colour: Sand')
  })
})

test('on a slow connection the chosen colour shows it is loading, and the page follows when it arrives', async ({ page }) => {
  await page.goto(jacket)
  await expect(price(page)).toContainText('$119.00')
  // Hold the next page's data back, as a slow phone network would.
  let release = () => {}
  const held = new Promise<void>((resolve) => (release = resolve))
  await page.route(/\/products\/packable-rain-jacket/, async (route) => {
    if (route.request().headers()['rsc']) await held
    await route.continue()
  })
  const sand = option(page, 'Colour').getByRole('link', { name: 'Sand' })
  await sand.click()
  await expect(sand.getByTestId('link-pending')).toBeVisible()
  await expect(page.getByText('SKU: PACKABLE-RAIN-JACKET-S-NAVY')).toBeVisible()
  release()
  await expect(page).toHaveURL(/[?&]variant=PACKABLE-RAIN-JACKET-S-SAND$/)
  await expect(page.getByText('SKU: PACKABLE-RAIN-JACKET-S-SAND')).toBeVisible()
  await expect(page.getByTestId('link-pending')).toHaveCount(0)
})
