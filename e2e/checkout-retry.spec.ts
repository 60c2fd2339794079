import { expect, type Page, test } from '@playwright/test'
import { field, submit, uniqueEmail, useOwnClientIp } from './support'

/**
 * A signed-in shopper's checkout: a declined card keeps everything typed (the country too) and a
 * retry from the cart goes back to the same attempt, leaving one paid order and no pending debris
 * in the history; saved addresses are offered on the payment page with the default chosen.
 */

async function register(page: Page, label: string, testInfo: Parameters<typeof uniqueEmail>[0]) {
  await page.goto('/register')
  await field(page, 'Name').fill('Retry Shopper')
  await field(page, 'Email').fill(uniqueEmail(testInfo, label))
  await field(page, 'Password').fill(`retry-pass-${Date.now().toString(36)}`)
  await page.getByRole('button', { name: 'Create account' }).click()
  await expect(page).toHaveURL(/\/account$/)
}

async function addAndCheckOut(page: Page, index: number) {
  await page.goto('/search?in_stock=1&sort=price_desc')
  const answered = page.waitForResponse((response) => response.request().method() === 'POST' && response.request().headers()['next-action'] !== undefined)
  await page
    .getByRole('button', { name: /^Add .+ to cart$/ })
    .nth(index)
    .click()
  await answered
  await page.goto('/cart')
  await page.getByRole('button', { name: 'Check out' }).click()
  await expect(page).toHaveURL(/\/checkout\/demo\/cs_demo_/)
}

async function fillCard(page: Page, card: string) {
  await field(page, 'Card number').fill(card)
  await field(page, 'Expiry (MM / YY)').fill('12 / 39')
  await field(page, 'Security code').fill('123')
}

test('a declined card, then a retry from the cart: one paid order, nothing pending left behind', async ({ page }, testInfo) => {
  await useOwnClientIp(page)
  await register(page, 'retry', testInfo)
  await addAndCheckOut(page, 8)
  const paymentPage = page.url()

  await field(page, 'Full name').fill('Ada Retry')
  await field(page, 'Street address').fill('8 Second Chance Road')
  await field(page, 'City').fill('Toronto')
  await field(page, 'Postal code').fill('M5V 2T6')
  await page.getByLabel('Country', { exact: true }).selectOption('CA')
  await fillCard(page, '4000 0000 0000 0002')
  await submit(page, (await page.getByRole('button', { name: /^Pay \$/ }).textContent()) ?? '')
  await expect(page.getByRole('main').getByRole('alert')).toContainText('Your card was declined')
  // Everything typed is still there, the country included; the card number is not kept.
  await expect(field(page, 'Full name')).toHaveValue('Ada Retry')
  await expect(field(page, 'Street address')).toHaveValue('8 Second Chance Road')
  await expect(field(page, 'City')).toHaveValue('Toronto')
  await expect(field(page, 'Postal code')).toHaveValue('M5V 2T6')
  await expect(page.getByLabel('Country', { exact: true })).toHaveValue('CA')
  await expect(field(page, 'Card number')).toHaveValue('')

  // Back to the cart and check out again: the same attempt, not a second order.
  await page.getByRole('link', { name: /Cancel and return/ }).click()
  await expect(page).toHaveURL(/\/cart\?checkout=cancelled/)
  await page.getByRole('button', { name: 'Check out' }).click()
  await expect(page).toHaveURL(paymentPage)

  await field(page, 'Full name').fill('Ada Retry')
  await field(page, 'Street address').fill('8 Second Chance Road')
  await field(page, 'City').fill('Toronto')
  await field(page, 'Postal code').fill('M5V 2T6')
  await page.getByLabel('Country', { exact: true }).selectOption('CA')
  await fillCard(page, '4242 4242 4242 4242')
  await page.getByRole('button', { name: /^Pay \$/ }).click()
  await expect(page.getByTestId('order-status')).toHaveText('Paid')
  const orderHeading = (await page.getByRole('heading', { level: 1, name: /^Order #\d+$/ }).textContent()) ?? ''

  await page.goto('/account/orders')
  const orders = page
    .getByRole('main')
    .getByRole('listitem')
    .filter({ has: page.getByRole('link', { name: /^Order #\d+$/ }) })
  await expect(orders).toHaveCount(1)
  await expect(orders.first()).toContainText(orderHeading)
  await expect(orders.first()).toContainText('Paid')
  await expect(page.getByRole('main')).not.toContainText('Pending')
})

test('a signed-in shopper pays with their default saved address already chosen', async ({ page }, testInfo) => {
  await useOwnClientIp(page)
  await register(page, 'saved-address', testInfo)
  for (const [name, street, isDefault] of [
    ['Grace Office', '1 Office Park', false],
    ['Grace Home', '9 Default Road', true],
  ] as const) {
    await page.goto('/account/addresses/new')
    await field(page, 'Full name').fill(name)
    await field(page, 'Street address').fill(street)
    await field(page, 'City').fill('Boston')
    await field(page, 'Postal code').fill('02101')
    await page.getByLabel('Country', { exact: true }).selectOption('US')
    if (isDefault) await page.getByLabel('Use as my default address').check()
    await page.getByRole('button', { name: 'Save address' }).click()
    await expect(page).toHaveURL(/\/account\/addresses/)
  }

  await addAndCheckOut(page, 9)
  const home = page.getByRole('radio', { name: /Grace Home/ })
  await expect(home).toBeChecked()
  await expect(page.getByRole('radio', { name: /Grace Office/ })).not.toBeChecked()
  // With a saved address chosen, no address fields to type.
  await expect(field(page, 'Street address')).toHaveCount(0)
  await page.getByRole('radio', { name: 'A new address' }).check()
  await expect(field(page, 'Street address')).toBeVisible()
  await expect(page.getByLabel('Save this address')).toBeVisible()
  await home.check()
  await expect(field(page, 'Street address')).toHaveCount(0)

  await fillCard(page, '4242 4242 4242 4242')
  await page.getByRole('button', { name: /^Pay \$/ }).click()
  await expect(page.getByTestId('order-status')).toHaveText('Paid')
  await expect(page.getByRole('region', { name: 'Shipping address' })).toContainText('9 Default Road')
})
