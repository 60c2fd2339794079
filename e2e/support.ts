import { randomInt } from 'node:crypto'
import { type Browser, expect, type Page, type TestInfo } from '@playwright/test'

/** Helpers shared by the journeys in e2e/. */

export const demoShopper = { email: 'shopper@northwind.test', password: 'northwind-shopper-demo', name: 'Demo Shopper' }
export const demoAdmin = { email: 'admin@northwind.test', password: 'northwind-admin-demo' }

/** A unique email for this project and run. */
export function uniqueEmail(testInfo: TestInfo, label: string) {
  return `e2e-${label}-${testInfo.project.name}-${Date.now()}-${testInfo.retry}@example.com`
}

/** Gives this test's browser context a client IP of its own (see the note at the top). */
export async function useOwnClientIp(page: Page) {
  const ip = `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`
  await page.context().setExtraHTTPHeaders({ 'x-forwarded-for': ip })
}

/**
 * A form control by its label. Next keeps the previous page mounted but hidden (React Activity)
 * after a client-side navigation, so only the visible control counts.
 */
export function field(page: Page, label: string) {
  return page.getByLabel(label, { exact: true }).filter({ visible: true })
}

/** Clicks a form's submit button and waits for the server action's answer. */
export async function submit(page: Page, buttonName: string) {
  const answered = page.waitForResponse((response) => response.request().method() === 'POST' && response.request().headers()['next-action'] !== undefined)
  await page.getByRole('button', { name: buttonName, exact: true }).click()
  await answered
}

/** On the demo payment page: types a shipping address (12 Market Street, Portland) and a card, then presses Pay. */
export async function payOnDemoPage(page: Page, { card = '4242 4242 4242 4242', name = 'Ada Shopper' } = {}) {
  await expect(page).toHaveURL(/\/checkout\/demo\/cs_demo_/)
  await field(page, 'Full name').fill(name)
  await field(page, 'Street address').fill('12 Market Street')
  await field(page, 'City').fill('Portland')
  await field(page, 'Postal code').fill('97201')
  await page.getByLabel('Country', { exact: true }).selectOption('US')
  await field(page, 'Card number').fill(card)
  await field(page, 'Expiry (MM / YY)').fill('12 / 39')
  await field(page, 'Security code').fill('123')
  await page.getByRole('button', { name: /^Pay \$/ }).click()
}

export async function fillLogin(page: Page, email: string, password: string) {
  await field(page, 'Email').fill(email)
  await field(page, 'Password').fill(password)
}

/** Logs in from /login (or the page already open) and waits for the form's answer. */
export async function logIn(page: Page, email: string, password: string, { open = true } = {}) {
  if (open) await page.goto('/login')
  await expect(page.getByRole('heading', { level: 1, name: 'Log in' })).toBeVisible()
  await fillLogin(page, email, password)
  await submit(page, 'Log in')
}

/**
 * Opens the development outbox in a browser context of its own, signed in as the demo admin:
 * under `next start` (production) /dev/mailbox is for admins only, and the shopper's own
 * session in the test's page stays as it was. Close the returned page's context when done.
 */
export async function openMailboxAsAdmin(browser: Browser, testInfo: TestInfo) {
  const context = await browser.newContext({ baseURL: testInfo.project.use.baseURL })
  const page = await context.newPage()
  await logIn(page, demoAdmin.email, demoAdmin.password)
  await expect(page).not.toHaveURL(/\/login/)
  await page.goto('/dev/mailbox')
  await expect(page.getByRole('heading', { level: 1, name: 'Development mailbox' })).toBeVisible()
  return page
}

/** The newest mail to `email` in the development outbox (waited for: mail leaves through the job queue). Close `mailbox.context()` when done. */
export async function latestMailTo(browser: Browser, testInfo: TestInfo, email: string) {
  const mailbox = await openMailboxAsAdmin(browser, testInfo)
  const message = mailbox
    .getByRole('article')
    .filter({ hasText: `To ${email}` })
    .first()
  await expect(async () => {
    await mailbox.reload()
    await expect(message).toBeVisible({ timeout: 1_000 })
  }).toPass({ timeout: 30_000 })
  return { mailbox, message }
}

/** A promotion code unique to this project and run. */
export function uniqueCode(testInfo: TestInfo, label: string) {
  return `${label}-${testInfo.project.name.slice(0, 3)}${Date.now().toString(36)}`.toUpperCase()
}

/** Creates a promotion through /admin/promotions/new in a browser context of its own (signed in as the demo admin). */
export async function createPromotion(browser: Browser, testInfo: TestInfo, fields: { name: string; code: string; percent?: string; minSubtotal?: string }) {
  const context = await browser.newContext({ baseURL: testInfo.project.use.baseURL })
  const page = await context.newPage()
  await logIn(page, demoAdmin.email, demoAdmin.password)
  await page.goto('/admin/promotions/new')
  await fillPromotion(page, fields)
  await page.getByRole('button', { name: 'Create promotion' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Promotion created.' })).toBeVisible()
  await context.close()
}

export async function fillPromotion(page: Page, fields: { name: string; code: string; percent?: string; minSubtotal?: string }) {
  await field(page, 'Name').fill(fields.name)
  await field(page, 'Code').fill(fields.code)
  await field(page, 'Takes off').selectOption('percentage')
  await field(page, 'Percent off').fill(fields.percent ?? '20')
  if (fields.minSubtotal) await field(page, 'Minimum subtotal (USD)').fill(fields.minSubtotal)
}

/** Types a code into the cart's promotion form and applies it. */
export async function applyCode(page: Page, code: string) {
  await field(page, 'Promotion code').fill(code)
  await submit(page, 'Apply')
}

/** A guest buys the most expensive product in stock with demo payments (leaving `note` for the shop); returns the order number. */
/** Puts the first in-stock product (most expensive first) in the cart and opens the cart. */
export async function cartWithAProduct(page: Page) {
  await page.goto('/search?in_stock=1&sort=price_desc')
  const answered = page.waitForResponse((response) => response.request().method() === 'POST' && response.request().headers()['next-action'] !== undefined)
  await page
    .getByRole('button', { name: /^Add .+ to cart$/ })
    .first()
    .click()
  await answered
  await page.goto('/cart')
  await expect(page.getByRole('list', { name: 'Items in your cart' }).getByRole('listitem')).toHaveCount(1)
}

export async function buyAsGuest(page: Page, email: string, name: string, note?: string) {
  await cartWithAProduct(page)
  await field(page, 'Email for your receipt').fill(email)
  if (note) await field(page, 'Note for us (optional)').fill(note)
  await page.getByRole('button', { name: 'Check out' }).click()
  await payOnDemoPage(page, { name })
  await expect(page.getByTestId('order-status')).toHaveText('Paid')
  const heading = await page.getByRole('heading', { level: 1, name: /^Order #\d+$/ }).textContent()
  return (heading ?? '').replace('Order #', '')
}

/** Opens a guest's order through the order lookup, as the shopper would. */
export async function openAsShopper(page: Page, orderId: string, email: string) {
  await page.goto('/orders/lookup')
  await field(page, 'Order number').fill(`#${orderId}`)
  await field(page, 'Email used for the order').fill(email)
  await page.getByRole('button', { name: 'Find my order' }).click()
  await expect(page.getByRole('heading', { level: 1, name: `Order #${orderId}` })).toBeVisible()
}
