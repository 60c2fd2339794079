import { randomInt } from 'node:crypto'
import AxeBuilder from '@axe-core/playwright'
import { type Browser, expect, type Page, test, type TestInfo } from '@playwright/test'
import { generateProductBatches } from '../db/seed/catalog-data'

/**
 * Reviews, moderation and site feedback, on the seeded demo shop (db/seed/demo-activity.ts): the
 * demo shopper has a delivered order containing the first product of the first "bundle" (the
 * first in-stock product of the first category with three of them), which other demo customers
 * rated 5 stars. Re-runnable on a reused database: the shopper's earlier review is deleted first.
 */

const demoShopper = { email: 'shopper@northwind.test', password: 'northwind-shopper-demo' }
const demoAdmin = { email: 'admin@northwind.test', password: 'northwind-admin-demo' }

/** The product the seeded demo shopper bought, computed like the seed does. */
function boughtProduct() {
  const forSale = [...generateProductBatches(200, 200)].flat().filter((product) => product.active && product.stock > 0)
  const byCategory = new Map<string, typeof forSale>()
  for (const product of forSale) byCategory.set(product.categorySlug, [...(byCategory.get(product.categorySlug) ?? []), product])
  const bundle = [...byCategory.values()].find((group) => group.length >= 3)
  if (!bundle?.[0]) throw new Error('no seeded bundle')
  return bundle[0]
}

function field(page: Page, label: string) {
  return page.getByLabel(label, { exact: true }).filter({ visible: true })
}

async function submit(page: Page, button: ReturnType<Page['getByRole']>) {
  const answered = page.waitForResponse((response) => response.request().method() === 'POST' && response.request().headers()['next-action'] !== undefined)
  await button.click()
  await answered
}

/** A signed-in page in a browser context of its own, with a client IP of its own. */
async function signedInPage(browser: Browser, account: { email: string; password: string }, callbackUrl: string) {
  const context = await browser.newContext()
  await context.setExtraHTTPHeaders({ 'x-forwarded-for': `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}` })
  const page = await context.newPage()
  await page.goto(`/login?callbackUrl=${encodeURIComponent(callbackUrl)}`)
  await field(page, 'Email').fill(account.email)
  await field(page, 'Password').fill(account.password)
  await page.getByRole('button', { name: 'Log in', exact: true }).click()
  await expect(page).toHaveURL(new RegExp(`${callbackUrl.replace(/[?]/g, '\\?')}$`))
  return page
}

/** The summary's "Rated 4.5 out of 5 from 12 reviews" (the first such label in the main area). */
function ratingSummary(page: Page) {
  return page
    .getByRole('main')
    .getByRole('img', { name: /^Rated / })
    .first()
}

function uniqueText(testInfo: TestInfo, label: string) {
  return `E2E ${label} ${testInfo.project.name} ${Date.now().toString(36)}`
}

test('a shopper who bought a product reviews it as a verified purchase; an admin hides it and the average goes back', async ({ browser }, testInfo) => {
  const product = boughtProduct()
  const reviewsPath = `/products/${product.slug}/reviews`
  const title = uniqueText(testInfo, 'review')
  const shopper = await signedInPage(browser, demoShopper, reviewsPath)

  let before = ''
  await test.step('start from no review of ours', async () => {
    await expect(shopper.getByRole('heading', { level: 1, name: `Reviews of ${product.name}` })).toBeVisible()
    const deleteButton = shopper.getByRole('button', { name: 'Delete your review' })
    if (await deleteButton.isVisible()) {
      await submit(shopper, deleteButton)
      await expect(shopper.getByRole('status').filter({ hasText: 'Your review is deleted.' })).toBeVisible()
      await shopper.reload()
    }
    await expect(shopper.getByText('You bought this product')).toBeVisible()
    before = (await ratingSummary(shopper).getAttribute('aria-label')) ?? ''
    expect(before).toMatch(/^Rated 5\.0 out of 5 from \d+ reviews?$/)
  })

  await test.step('a 1 MB review is refused with a message, not an error page', async () => {
    const form = shopper.getByRole('region', { name: 'Write a review' })
    await form.getByRole('radio', { name: '1 star' }).check()
    await field(shopper, 'Title').fill(title)
    // Past the textarea's maxLength, as a hand-made request would be.
    await field(shopper, 'Your review').evaluate(
      (element, text) => {
        const textarea = element as HTMLTextAreaElement
        textarea.removeAttribute('maxlength')
        textarea.value = text
      },
      'x'.repeat(1024 * 1024),
    )
    await submit(shopper, form.getByRole('button', { name: 'Post your review' }))
    await expect(form.getByText('Keep the review to 4000 characters or fewer.')).toBeVisible()
    await expect(shopper.getByRole('article', { name: title })).toHaveCount(0)
  })

  await test.step('post a one-star review', async () => {
    const form = shopper.getByRole('region', { name: 'Write a review' })
    await form.getByRole('radio', { name: '1 star' }).check()
    await field(shopper, 'Title').fill(title)
    await field(shopper, 'Your review').fill('Broke after a week. <b>Not</b> bold, just text.')
    await submit(shopper, form.getByRole('button', { name: 'Post your review' }))
    await expect(shopper.getByRole('status').filter({ hasText: 'Your review is published.' })).toBeVisible()
    const mine = shopper.getByRole('article', { name: title })
    await expect(mine).toBeVisible()
    await expect(mine.getByText('Verified purchase')).toBeVisible()
    await expect(mine.getByText('<b>Not</b> bold, just text.')).toBeVisible()
    await expect(ratingSummary(shopper)).not.toHaveAttribute('aria-label', before)
    await expect(ratingSummary(shopper)).toHaveAttribute('aria-label', /^Rated [1-4]\.\d out of 5/)
  })

  let after = ''
  await test.step('the product page shows the new average', async () => {
    await shopper.goto(`/products/${product.slug}`)
    after = (await ratingSummary(shopper).getAttribute('aria-label')) ?? ''
    expect(after).not.toBe(before)
    await expect(shopper.getByRole('region', { name: 'Customer reviews' }).getByRole('article', { name: title })).toBeVisible()
  })

  await test.step('the admin hides the review', async () => {
    const admin = await signedInPage(browser, demoAdmin, '/admin/reviews')
    await expect(admin.getByRole('heading', { level: 1, name: 'Reviews' })).toBeVisible()
    const entry = admin.getByRole('article', { name: title })
    await expect(entry).toBeVisible()
    await entry.getByLabel('Reason for hiding').fill('E2E: testing moderation')
    await submit(admin, entry.getByRole('button', { name: /^Hide/ }))
    await expect(admin.getByRole('status').filter({ hasText: 'The review is hidden' })).toBeVisible()
    await admin.goto('/admin/reviews?hidden=yes')
    await expect(admin.getByRole('article', { name: title }).getByText('Hidden because: E2E: testing moderation')).toBeVisible()
    await admin.context().close()
  })

  await test.step('the average is back to what it was, and the review is gone from the shop', async () => {
    await shopper.goto(`/products/${product.slug}`)
    await expect(ratingSummary(shopper)).toHaveAttribute('aria-label', before)
    await expect(shopper.getByRole('article', { name: title })).toHaveCount(0)
    await shopper.goto(reviewsPath)
    await expect(ratingSummary(shopper)).toHaveAttribute('aria-label', before)
    await expect(shopper.getByText('A moderator has hidden your review')).toBeVisible()
  })
  await shopper.context().close()
})

test('a guest sends feedback that the admin sees in the inbox', async ({ browser }, testInfo) => {
  const message = uniqueText(testInfo, 'feedback')
  // A fresh address each run: feedback is limited per email (lib/auth/rate-limit.ts).
  const email = `guest-${testInfo.project.name}-${Date.now().toString(36)}@example.com`
  const context = await browser.newContext()
  await context.setExtraHTTPHeaders({ 'x-forwarded-for': `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}` })
  const guest = await context.newPage()
  await guest.goto('/')
  await guest.getByRole('contentinfo').getByRole('link', { name: 'Send feedback' }).click()
  await expect(guest.getByRole('heading', { level: 1, name: 'Send feedback' })).toBeVisible()
  await field(guest, 'Topic').selectOption({ label: 'Something is broken' })
  await field(guest, 'Message').fill(`${message} <script>alert(1)</script>`)
  await field(guest, 'Email').fill(email)
  await submit(guest, guest.getByRole('button', { name: 'Send feedback' }))
  await expect(guest.getByRole('status').filter({ hasText: 'Your message reached us.' })).toBeVisible()
  await context.close()

  const admin = await signedInPage(browser, demoAdmin, '/admin/feedback')
  const entry = admin.getByRole('article').filter({ hasText: message })
  await expect(entry).toBeVisible()
  await expect(entry).toContainText(`${email} (guest)`)
  await expect(entry).toContainText('<script>alert(1)</script>')
  await entry.getByLabel('Status').selectOption({ label: 'In progress' })
  await entry.getByLabel('Notes').fill('Looking into it')
  await submit(admin, entry.getByRole('button', { name: 'Save' }))
  await expect(entry.getByRole('status')).toHaveText('Saved.')
  await admin.goto('/admin/feedback?status=in_progress')
  await expect(admin.getByRole('article').filter({ hasText: message })).toBeVisible()
  await admin.context().close()
})

/** The per-visitor rows load when the shopper scrolls down to where they go. */
async function scrollToBottom(page: Page) {
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight))
}

test('recommendation rows: also bought from seeded orders, recently viewed for a guest, picked for the demo shopper', async ({ browser }) => {
  const product = boughtProduct()
  const guestContext = await browser.newContext()
  const guest = await guestContext.newPage()
  await guest.goto(`/products/${product.slug}`)
  const alsoBought = guest.getByRole('region', { name: 'Customers also bought' })
  await expect(alsoBought.getByRole('link').first()).toBeVisible()
  // Open one of them: the first product now shows under "Recently viewed".
  await alsoBought.getByRole('link').first().click()
  await expect(guest.getByRole('heading', { level: 1 })).not.toHaveText(product.name)
  await scrollToBottom(guest)
  await expect(guest.getByRole('region', { name: 'Recently viewed' }).getByRole('link', { name: product.name })).toBeVisible()
  await guest.goto('/')
  await scrollToBottom(guest)
  await expect(guest.getByRole('region', { name: 'Recently viewed' }).getByRole('link', { name: product.name })).toBeVisible()
  await expect(guest.getByRole('region', { name: 'Picked for you' })).toHaveCount(0)
  await guestContext.close()

  const shopper = await signedInPage(browser, demoShopper, '/')
  await scrollToBottom(shopper)
  await expect(shopper.getByRole('region', { name: 'Picked for you' }).getByRole('link').first()).toBeVisible()
  // Never what the shopper already bought.
  await expect(shopper.getByRole('region', { name: 'Picked for you' }).getByRole('link', { name: product.name })).toHaveCount(0)
  await shopper.context().close()
})

test('the reviews page, the feedback page and the moderation pages have no serious accessibility violations', async ({ browser, page }) => {
  const serious = async (target: Page) =>
    (await new AxeBuilder({ page: target }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze()).violations
      .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
      .map((violation) => ({ rule: violation.id, targets: violation.nodes.map((node) => node.target.join(' ')) }))
  await page.goto(`/products/${boughtProduct().slug}/reviews`)
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Reviews of')
  expect(await serious(page)).toEqual([])
  await page.goto('/feedback')
  await expect(page.getByRole('button', { name: 'Send feedback' })).toBeVisible()
  expect(await serious(page)).toEqual([])
  const admin = await signedInPage(browser, demoAdmin, '/admin/reviews')
  expect(await serious(admin)).toEqual([])
  await admin.goto('/admin/feedback')
  expect(await serious(admin)).toEqual([])
  await admin.context().close()
})

test('reviews of a product that does not exist answer 404; malformed sort and page fall back to defaults', async ({ page }) => {
  const missing = await page.goto('/products/no-such-product-anywhere/reviews')
  expect(missing?.status()).toBe(404)
  const odd = await page.goto(`/products/${boughtProduct().slug}/reviews?sort=%3Cscript%3E&page=-4`)
  expect(odd?.status()).toBe(200)
  await expect(page.getByLabel('Sort by')).toHaveValue('newest')
})
