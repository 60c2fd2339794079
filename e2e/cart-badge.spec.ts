import { expect, type Page, test } from '@playwright/test'
import { field, payOnDemoPage, submit, uniqueEmail, useOwnClientIp } from './support'

/**
 * The header's cart count follows every cart change without a reload: adding, changing a
 * quantity, removing a line, a guest cart merged at login, and paying. Each step checks that
 * the page was not reloaded since the change (a marker on `window` survives client navigation).
 */

async function markPage(page: Page) {
  await page.evaluate(() => Object.assign(window, { __sameDocument: true }))
}

async function expectNotReloaded(page: Page) {
  expect(await page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(true)
}

// Next keeps the previous page mounted but hidden after a client navigation: only the visible badge counts.
const badge = (page: Page) => page.getByTestId('cart-count').filter({ visible: true })

async function addFromListing(page: Page, index: number) {
  const button = page.getByRole('button', { name: /^Add .+ to cart$/ }).nth(index)
  const answered = page.waitForResponse((response) => response.request().method() === 'POST' && response.request().headers()['next-action'] !== undefined)
  await button.click()
  await answered
}

/** The cart page's own count, from its summary ("Subtotal (3 items)"). */
async function cartPageCount(page: Page) {
  const text = (await page.getByText(/^Subtotal \(\d+ items?\)$/).textContent()) ?? ''
  return Number(/\((\d+)/.exec(text)?.[1])
}

test('the cart badge follows add, update, remove, login merge and payment, with no reload', async ({ page }, testInfo) => {
  // A whole journey: registration, two logins, a cart and a payment.
  test.slow()
  await useOwnClientIp(page)
  const email = uniqueEmail(testInfo, 'badge')
  const password = `badge-pass-${Date.now().toString(36)}`

  await test.step('a shopper with one item in their account cart logs out', async () => {
    await page.goto('/register')
    await field(page, 'Name').fill('Badge Shopper')
    await field(page, 'Email').fill(email)
    await field(page, 'Password').fill(password)
    await page.getByRole('button', { name: 'Create account' }).click()
    await expect(page).toHaveURL(/\/account$/)
    await page.goto('/search?in_stock=1&sort=price_desc')
    await addFromListing(page, 4)
    await expect(badge(page)).toHaveText('1')
    await page.goto('/account')
    await markPage(page)
    await page.getByRole('navigation', { name: 'Account' }).getByRole('button', { name: 'Log out' }).click()
    await expect(page).toHaveURL(/\/$/)
    // Signed out, the guest cart is empty.
    await expect(badge(page)).toHaveCount(0)
    await expectNotReloaded(page)
  })

  await test.step('as a guest, adding counts up at once', async () => {
    await page.goto('/search?in_stock=1&sort=price_desc')
    await markPage(page)
    await addFromListing(page, 5)
    await expect(badge(page)).toHaveText('1')
    await addFromListing(page, 6)
    await expect(badge(page)).toHaveText('2')
    await expectNotReloaded(page)
  })

  await test.step('logging in merges the guest cart, and the badge shows the merged count', async () => {
    await page.getByRole('banner').getByRole('link', { name: 'Account' }).click()
    await expect(page.getByRole('heading', { level: 1, name: 'Log in' })).toBeVisible()
    await field(page, 'Email').fill(email)
    await field(page, 'Password').fill(password)
    await page.getByRole('button', { name: 'Log in', exact: true }).click()
    await expect(page).toHaveURL(/\/account$/)
    await expect(badge(page)).toHaveText('3')
    await expectNotReloaded(page)
  })

  await test.step('changing a quantity and removing a line on the cart page', async () => {
    await page.getByRole('banner').getByRole('link', { name: /^Cart/ }).click()
    const lines = page.getByRole('list', { name: 'Items in your cart' }).getByRole('listitem')
    await expect(lines).toHaveCount(3)
    const first = lines.first()
    await first.getByRole('spinbutton').fill('2')
    const updated = page.waitForResponse((response) => response.request().method() === 'POST' && response.request().headers()['next-action'] !== undefined)
    await first.getByRole('button', { name: 'Update' }).click()
    await updated
    // The action's answer and the refreshed cart arrive together: wait for the answer, so the
    // subtotal read next is the new one, not the one from before the update.
    await expect(first.locator('p[aria-live]')).not.toBeEmpty()
    // The badge agrees with the cart page's own count (2, or 1 when only one was in stock).
    await expect(page.getByText(/^Subtotal \((3|4) items\)$/)).toBeVisible()
    await expect(badge(page)).toHaveText(String(await cartPageCount(page)))

    const before = await cartPageCount(page)
    const last = lines.last()
    await last.getByRole('button', { name: /^Remove / }).click()
    await expect(lines).toHaveCount(2)
    await expect(page.getByText(`Subtotal (${before - 1} items)`)).toBeVisible()
    await expect(badge(page)).toHaveText(String(before - 1))
    await expectNotReloaded(page)
  })

  await test.step('paying empties the cart, and the success page shows no count', async () => {
    await page.getByRole('button', { name: 'Check out' }).click()
    await payOnDemoPage(page, { name: 'Badge Shopper' })
    await expect(page.getByTestId('order-status')).toHaveText('Paid')
    await expect(page.getByRole('banner').getByRole('link', { name: 'Cart, 0 items' })).toBeVisible()
    await expect(badge(page)).toHaveCount(0)
    await expectNotReloaded(page)
  })
})

test('removing the last line on the cart page clears the badge', async ({ page }) => {
  await page.goto('/search?in_stock=1&sort=price_desc')
  await addFromListing(page, 7)
  await expect(badge(page)).toHaveText('1')
  await page.getByRole('banner').getByRole('link', { name: /^Cart/ }).click()
  await markPage(page)
  await submit(page, 'Remove ' + ((await page.getByRole('list', { name: 'Items in your cart' }).getByRole('heading').first().textContent()) ?? '').trim())
  await expect(page.getByText('Your cart is empty.')).toBeVisible()
  await expect(badge(page)).toHaveCount(0)
  await expectNotReloaded(page)
})
