import { expect, type Page, test } from '@playwright/test'
import { demoShopper, field, logIn, uniqueEmail, useOwnClientIp } from './support'

/** The product names of the first cards on /search that are (or are not) sold out. */
async function findCards(page: Page, soldOut: boolean, count: number) {
  for (let pageNumber = 1; pageNumber <= 8; pageNumber++) {
    await page.goto(pageNumber === 1 ? '/search' : `/search?page=${pageNumber}`)
    const cards = page.getByRole('main').getByRole('article')
    const matching = soldOut ? cards.filter({ hasText: 'Sold out' }) : cards.filter({ hasNotText: 'Sold out' })
    if ((await matching.count()) >= count) return matching
  }
  throw new Error(`no ${count} ${soldOut ? 'sold-out' : 'in-stock'} products in the first pages of /search`)
}

test.beforeEach(async ({ page }) => {
  await useOwnClientIp(page)
})

test('a guest saves two products, logs in and finds them in the wishlist', async ({ page }) => {
  const cards = await findCards(page, false, 2)
  const names: string[] = []
  for (const index of [0, 1]) {
    const card = cards.nth(index)
    const name = (await card.getByRole('heading').textContent())?.trim() ?? ''
    names.push(name)
    const heart = card.getByRole('button', { name: `Save ${name} to wishlist` })
    await heart.click()
    await expect(heart).toHaveAttribute('aria-pressed', 'true')
  }

  await logIn(page, demoShopper.email, demoShopper.password)
  await expect(page).not.toHaveURL(/\/login/)
  await page.goto('/account/wishlist')
  const saved = page.getByRole('list', { name: 'Saved items' })
  for (const name of names) await expect(saved.getByRole('link', { name, exact: true })).toBeVisible()

  // Tidy up for the next run: the demo shopper's list should not grow for ever.
  for (const name of names) {
    await saved.getByRole('button', { name: new RegExp(`^Remove\\s*: ${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) }).click()
    await expect(saved.getByRole('link', { name, exact: true })).toHaveCount(0)
  }
})

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false })

  test('a guest saves a product from its card and the heart shows it saved', async ({ page }) => {
    const card = (await findCards(page, false, 1)).first()
    const name = (await card.getByRole('heading').textContent())?.trim() ?? ''
    await card.getByRole('button', { name: `Save ${name} to wishlist` }).click()
    // The form posted to the page, which came back with this card's heart filled.
    const heart = page.getByRole('main').getByRole('button', { name: `Save ${name} to wishlist` })
    await expect(heart).toHaveAttribute('aria-pressed', 'true')
    await expect(page.getByRole('main').getByRole('button', { name: /^Save .+ to wishlist$/, pressed: true })).toHaveCount(1)
  })

  test('a sold-out product’s alert form is in the page and subscribes', async ({ page }, testInfo) => {
    const card = (await findCards(page, true, 1)).first()
    const name = (await card.getByRole('heading').textContent())?.trim() ?? ''
    await card.getByRole('link', { name }).click()
    await expect(page.getByRole('heading', { level: 1, name })).toBeVisible()
    // In the server's HTML itself: a part streamed in later would stay hidden without scripts.
    const alert = page.getByRole('region', { name: 'Email me when it’s back' })
    await expect(alert).toBeVisible()
    const email = uniqueEmail(testInfo, 'alert-nojs')
    await field(page, 'Your email address').fill(email)
    await alert.getByRole('button', { name: 'Email me when it’s back' }).click()
    await expect(page.getByRole('region', { name: 'Email me when it’s back' }).getByRole('status')).toHaveText(`Thanks! We will email ${email} once when ${name} is back in stock.`)
  })
})

test('a sold-out product’s alert form confirms the subscription', async ({ page }, testInfo) => {
  const cards = await findCards(page, true, 1)
  const card = cards.first()
  const name = (await card.getByRole('heading').textContent())?.trim() ?? ''
  await card.getByRole('link', { name }).click()
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible()

  const alert = page.getByRole('region', { name: 'Email me when it’s back' })
  await alert.getByRole('button', { name: 'Email me when it’s back' }).click()
  await expect(alert.getByRole('alert')).toContainText('Please correct the highlighted fields.')

  const email = uniqueEmail(testInfo, 'alert')
  await field(page, 'Your email address').fill(email)
  await alert.getByRole('button', { name: 'Email me when it’s back' }).click()
  await expect(alert.getByRole('status')).toHaveText(`Thanks! We will email ${email} once when ${name} is back in stock.`)
})
