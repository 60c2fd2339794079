import AxeBuilder from '@axe-core/playwright'
import { expect, type Page, test } from '@playwright/test'

const pages = [
  { name: 'home', path: '/', heading: 'Everyday goods, thoughtfully made.' },
  { name: 'search results', path: '/search?q=headphones', heading: 'Search' },
  { name: 'category', path: '/category/audio', heading: 'Audio' },
  { name: 'product', path: '/products/aurora-wireless-headphones', heading: 'Aurora Wireless Headphones' },
] as const

/** WCAG 2.0/2.1 A and AA violations that block or seriously hinder someone. */
async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze()
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => ({
      rule: violation.id,
      impact: violation.impact,
      help: violation.help,
      targets: violation.nodes.map((node) => node.target.join(' ')),
    }))
}

for (const { name, path, heading } of pages) {
  test(`${name} page has no serious or critical accessibility violations`, async ({ page }) => {
    await page.goto(path)
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading)
    // Wait for streamed results so they are checked too.
    if (path !== '/' && !path.startsWith('/products/')) await expect(page.getByRole('status')).toContainText(/products?/)
    expect(await seriousViolations(page)).toEqual([])
  })
}

test('header suggestions have no serious or critical accessibility violations', async ({ page }) => {
  await page.goto('/')
  await page.getByRole('combobox', { name: 'Search products' }).pressSequentially('head', { delay: 50 })
  await expect(page.getByRole('listbox', { name: 'Suggested products' }).getByRole('option').first()).toBeVisible()
  expect(await seriousViolations(page)).toEqual([])
})
