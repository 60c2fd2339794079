import { expect, type Page, test } from '@playwright/test'
import { applyCode, createPromotion, demoAdmin, field, latestMailTo, logIn, payOnDemoPage, uniqueCode, uniqueEmail, useOwnClientIp } from './support'

/**
 * Shipping methods, tax and a code together: the merchant charges New York sales tax and runs a
 * 20 % code; a shopper applies the code, ships to New York by Express, sees the tax in the cart,
 * pays with demo payments, and the payment page, the order and the email show the same numbers. A country the shop does not ship to cannot check out.
 */

const cents = (text: string | null) => Math.round(Number((text ?? '').replace(/[^0-9.]/g, '')) * 100)

async function addCheapProduct(page: Page) {
  await page.goto('/search?in_stock=1&sort=price_asc')
  const answered = page.waitForResponse((response) => response.request().method() === 'POST' && response.request().headers()['next-action'] !== undefined)
  await page
    .getByRole('button', { name: /^Add .+ to cart$/ })
    .nth(3)
    .click()
  await answered
}

test('a shopper applies a code, picks Express to New York, sees the tax, pays, and the order and email show the same numbers', async ({ page, browser }, testInfo) => {
  // The merchant adds New York's sales tax (saving it again replaces it, so both projects can run this).
  const merchant = await browser.newContext({ baseURL: testInfo.project.use.baseURL })
  const admin = await merchant.newPage()
  await logIn(admin, demoAdmin.email, demoAdmin.password)
  await admin.goto('/admin/tax')
  await admin.getByLabel('Country', { exact: true }).selectOption('US')
  await field(admin, 'State or region').fill('NY')
  await field(admin, 'Tax name').fill('Sales tax')
  await field(admin, 'Rate (%)').fill('8.875')
  await admin.getByRole('button', { name: 'Save rate' }).click()
  await expect(admin.getByRole('status')).toContainText('Sales tax of 8.875%')
  await expect(admin.getByRole('row', { name: /NY, United States/ })).toContainText('8.875%')
  await merchant.close()
  const code = uniqueCode(testInfo, 'WEEKEND')
  await createPromotion(browser, testInfo, { name: 'Weekend sale', code, percent: '20' })

  await useOwnClientIp(page)
  await addCheapProduct(page)
  await page.goto('/cart')
  await applyCode(page, code)
  await expect(page.getByRole('status').filter({ hasText: `${code} applied: you save $` })).toBeVisible()
  const shippingForm = page.getByRole('form', { name: 'Shipping' })
  await shippingForm.getByLabel('Ship to').selectOption('US')
  await shippingForm.getByLabel('State or region').fill('NY')
  await expect(shippingForm.getByRole('radio', { name: /Standard/ })).toBeVisible()
  await expect(shippingForm).toContainText('Arrives in 1–2 business days')
  await shippingForm.getByRole('radio', { name: /Express/ }).check()
  await shippingForm.getByRole('button', { name: 'Update shipping' }).click()
  await expect(page).toHaveURL(/country=US.*region=NY.*shipping=\d+/)

  const summary = page.getByRole('region', { name: 'Order summary' })
  await expect(summary).toContainText('Shipping (Express)')
  await expect(page.getByTestId('cart-shipping')).toHaveText('$14.95')
  await expect(summary).toContainText('Sales tax')
  await expect(page.getByRole('term').filter({ hasText: `Code ${code}` })).toBeVisible()
  const subtotal = cents(await page.getByTestId('cart-subtotal').textContent())
  const discount = cents(await page.getByTestId('cart-discount').textContent())
  const tax = cents(await page.getByTestId('cart-tax').textContent())
  const total = cents(await page.getByTestId('cart-total').textContent())
  // 20 % off the item, rounded half up; tax is 8.875 % of what is left (half up) plus 8.875 % of $14.95 = $1.3268… → $1.33.
  expect(discount).toBe(Math.floor((subtotal * 2 + 5) / 10))
  expect(tax).toBe(Math.floor(((subtotal - discount) * 88_750 * 2 + 1_000_000) / 2_000_000) + 133)
  expect(total).toBe(subtotal - discount + 1_495 + tax)

  const email = uniqueEmail(testInfo, 'ship-tax')
  await field(page, 'Email for your receipt').fill(email)
  await page.getByRole('button', { name: 'Check out' }).click()
  await expect(page).toHaveURL(/\/checkout\/demo\/cs_demo_/)
  await expect(page.getByTestId('pay-shipping')).toHaveText('$14.95')
  expect(cents(await page.getByTestId('pay-discount').textContent())).toBe(discount)
  expect(cents(await page.getByTestId('pay-tax').textContent())).toBe(tax)
  expect(cents(await page.getByTestId('pay-total').textContent())).toBe(total)

  // The tax was worked out for the United States: a Canadian address is refused, with a reason.
  await field(page, 'Full name').fill('Ada Shopper')
  await field(page, 'Street address').fill('1 Queen Street')
  await field(page, 'City').fill('Toronto')
  await field(page, 'Postal code').fill('M5V 2T6')
  await page.getByLabel('Country', { exact: true }).selectOption('CA')
  await field(page, 'Card number').fill('4242 4242 4242 4242')
  await field(page, 'Expiry (MM / YY)').fill('12 / 39')
  await field(page, 'Security code').fill('123')
  await page.getByRole('button', { name: /^Pay \$/ }).click()
  await expect(page.getByRole('main').getByRole('alert')).toContainText('worked out for United States')

  await payOnDemoPage(page)
  await expect(page).toHaveURL(/\/checkout\/success\?session_id=cs_demo_/)
  await expect(page.getByTestId('order-status')).toHaveText('Paid')
  await expect(page.getByRole('main')).toContainText('Shipping (Express)')
  await expect(page.getByTestId('order-shipping')).toHaveText('$14.95')
  expect(cents(await page.getByTestId('order-subtotal').textContent())).toBe(subtotal)
  expect(cents(await page.getByTestId('order-tax').textContent())).toBe(tax)
  // Named as the cart named it, not just "Tax".
  await expect(page.getByRole('main').getByRole('term').filter({ hasText: 'Sales tax' })).toBeVisible()
  expect(cents(await page.getByTestId('order-discount').textContent())).toBe(discount)
  expect(cents(await page.getByTestId('order-total').textContent())).toBe(total)

  // The confirmation email carries the same numbers.
  const { mailbox, message } = await latestMailTo(browser, testInfo, email)
  const money = (amount: number) => `$${(amount / 100).toFixed(2)}`
  await expect(message).toContainText(`Code ${code} — −${money(discount)}`)
  await expect(message).toContainText(`Shipping (Express) — $14.95`)
  await expect(message).toContainText(`Sales tax — ${money(tax)}`)
  await expect(message).toContainText(`Total paid — ${money(total)}`)
  await mailbox.context().close()
})

test('a country the shop does not ship to cannot check out, and says so', async ({ page }) => {
  await useOwnClientIp(page)
  await addCheapProduct(page)
  await page.goto('/cart?country=JP')
  await expect(page.getByRole('region', { name: 'Order summary' }).getByRole('alert')).toHaveText('We do not ship to JP. Choose another country.')
  await expect(page.getByRole('button', { name: 'Check out' })).toHaveCount(0)
  // Back to a country we ship to: the methods return.
  await page.getByRole('form', { name: 'Shipping' }).getByLabel('Ship to').selectOption('GB')
  await page.getByRole('button', { name: 'Update shipping' }).click()
  await expect(page.getByRole('form', { name: 'Shipping' }).getByRole('radio', { name: /Standard/ })).toBeChecked()
  await expect(page.getByRole('button', { name: 'Check out' })).toBeVisible()
})
