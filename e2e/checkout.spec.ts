import { expect, type Page, test } from '@playwright/test'
import { buyAsGuest, field, logIn, openAsShopper, payOnDemoPage, uniqueEmail, useOwnClientIp } from './support'

/**
 * Cart and checkout with the demo payment provider (no Stripe keys under test): a guest pays with
 * the 4242 card and finds the order again; a declined card leaves the cart intact; a guest cart
 * follows the shopper into their account at login and the order shows in their history.
 */

/** Adds the n-th in-stock product of a search page to the cart from its product card; returns its name. */
async function addFromListing(page: Page, index: number) {
  await page.goto('/search?in_stock=1&sort=price_desc')
  const button = page.getByRole('button', { name: /^Add .+ to cart$/ }).nth(index)
  const label = (await button.getAttribute('aria-label')) ?? ''
  const answered = page.waitForResponse((response) => response.request().method() === 'POST' && response.request().headers()['next-action'] !== undefined)
  await button.click()
  await answered
  return label.replace(/^Add /, '').replace(/ to cart$/, '')
}

async function payWithCard(page: Page, card: string) {
  await expect(page.getByRole('note')).toContainText('Demo payments, no money moves')
  await payOnDemoPage(page, { card })
}

test('a guest buys two products with the 4242 card and finds the order again', async ({ page }, testInfo) => {
  const email = uniqueEmail(testInfo, 'guest-buyer')
  const first = await addFromListing(page, 0)
  const second = await addFromListing(page, 1)
  await expect(page.getByTestId('cart-count')).toHaveText('2')

  await page.goto('/cart')
  const lines = page.getByRole('list', { name: 'Items in your cart' }).getByRole('listitem')
  await expect(lines).toHaveCount(2)
  await expect(lines.filter({ hasText: first })).toHaveCount(1)
  await expect(lines.filter({ hasText: second })).toHaveCount(1)
  await field(page, 'Email for your receipt').fill(email)
  await field(page, 'Note for us (optional)').fill('Please leave it with the neighbour at no. 12.')
  await page.getByRole('button', { name: 'Check out' }).click()

  await payWithCard(page, '4242 4242 4242 4242')
  await expect(page).toHaveURL(/\/checkout\/success\?session_id=cs_demo_/)
  await expect(page.getByTestId('order-status')).toHaveText('Paid')
  await expect(page.getByRole('main').getByRole('status').first()).toContainText('Thank you')
  const heading = await page.getByRole('heading', { level: 1, name: /^Order #\d+$/ }).textContent()
  const orderNumber = (heading ?? '').replace('Order ', '')

  // The bought items left the cart.
  await page.goto('/cart')
  await expect(page.getByText('Your cart is empty.')).toBeVisible()

  await page.goto('/orders/lookup')
  await field(page, 'Order number').fill(orderNumber)
  await field(page, 'Email used for the order').fill(email)
  await page.getByRole('button', { name: 'Find my order' }).click()
  await expect(page).toHaveURL(/\/orders\/\d+\?key=/)
  await expect(page.getByRole('heading', { level: 1, name: `Order ${orderNumber}` })).toBeVisible()
  await expect(page.getByTestId('order-status')).toHaveText('Paid')
  await expect(page.getByRole('region', { name: 'Shipping address' })).toContainText('12 Market Street')
  await expect(page.getByRole('region', { name: 'Your note' })).toHaveText(/Please leave it with the neighbour at no\. 12\./)

  // The same order, which exists (it was just shown), without its key or with a wrong one: not found, nothing of it shown.
  const orderPath = new URL(page.url()).pathname
  for (const url of [`${orderPath}?key=not-the-key`, orderPath]) {
    await page.goto(url)
    await expect(page.getByRole('heading', { level: 1, name: 'We couldn’t find that order' })).toBeVisible()
    await expect(page.getByText(`Order ${orderNumber}`)).toHaveCount(0)
    await expect(page.getByText('12 Market Street')).toHaveCount(0)
    await expect(page.getByRole('link', { name: 'Find your order' })).toBeVisible()
  }
})

test('a declined card leaves the order unpaid and the cart intact', async ({ page }, testInfo) => {
  const name = await addFromListing(page, 2)
  await page.goto('/cart')
  await field(page, 'Email for your receipt').fill(uniqueEmail(testInfo, 'declined'))
  await page.getByRole('button', { name: 'Check out' }).click()
  await payWithCard(page, '4000 0000 0000 0002')
  await expect(page.getByRole('main').getByRole('alert')).toContainText('Your card was declined')
  await expect(page).toHaveURL(/\/checkout\/demo\//)
  const sessionId = new URL(page.url()).pathname.split('/').at(-1) ?? ''

  await page.getByRole('link', { name: /Cancel and return/ }).click()
  await expect(page).toHaveURL(/\/cart\?checkout=cancelled/)
  await expect(page.getByRole('main').getByRole('alert')).toContainText('nothing was charged')
  await expect(page.getByRole('list', { name: 'Items in your cart' }).getByRole('listitem').filter({ hasText: name })).toHaveCount(1)

  // The order itself is still unpaid: pending, waiting for a payment, with the item in it.
  await page.goto(`/checkout/success?session_id=${sessionId}`)
  await expect(page.getByTestId('order-status')).toHaveText('Pending')
  await expect(page.getByRole('main')).toContainText('waiting for the payment provider')
  await expect(page.getByRole('main')).not.toContainText('Thank you')
  await expect(page.getByRole('main')).toContainText(name)
})

test('a guest cart follows the shopper into their account, and the order shows in their history', async ({ page }, testInfo) => {
  await useOwnClientIp(page)
  const email = uniqueEmail(testInfo, 'merge')
  const password = `merge-pass-${Date.now().toString(36)}`

  await page.goto('/register')
  await field(page, 'Name').fill('Merge Shopper')
  await field(page, 'Email').fill(email)
  await field(page, 'Password').fill(password)
  await page.getByRole('button', { name: 'Create account' }).click()
  await expect(page).toHaveURL(/\/account$/)
  await page.getByRole('navigation', { name: 'Account' }).getByRole('button', { name: 'Log out' }).click()
  await expect(page).toHaveURL(/\/$/)

  const name = await addFromListing(page, 3)
  await logIn(page, email, password)
  await expect(page).toHaveURL(/\/account$/)

  await page.goto('/cart')
  await expect(page.getByRole('list', { name: 'Items in your cart' }).getByRole('listitem').filter({ hasText: name })).toHaveCount(1)
  await expect(page.getByText(`Your receipt goes to ${email}`)).toBeVisible()
  await page.getByRole('button', { name: 'Check out' }).click()
  await payWithCard(page, '4242 4242 4242 4242')
  await expect(page.getByTestId('order-status')).toHaveText('Paid')

  await page.goto('/account/orders')
  const order = page.getByRole('listitem').filter({ hasText: 'Paid' }).first()
  await expect(order).toBeVisible()
  await order.getByRole('link', { name: /^Order #\d+$/ }).click()
  await expect(page.getByRole('region', { name: 'Items' })).toContainText(name)
  await expect(page.getByRole('heading', { name: 'Timeline' })).toBeVisible()
})

test('a guest opens an earlier order and buys it again: the items are back in the cart', async ({ page }, testInfo) => {
  const email = uniqueEmail(testInfo, 'buy-again')
  const orderId = await buyAsGuest(page, email, 'Ada Again')
  await openAsShopper(page, orderId, email)
  const item = (await page.getByRole('region', { name: 'Items' }).getByRole('link').first().textContent()) ?? ''

  await page.getByRole('button', { name: 'Buy again' }).click()
  await expect(page.getByRole('status').filter({ hasText: `Everything from order #${orderId} is in your cart.` })).toBeVisible()
  await expect(page.getByTestId('cart-count')).toHaveText('1')
  await page.getByRole('link', { name: 'Go to your cart' }).click()
  await expect(page.getByRole('list', { name: 'Items in your cart' }).getByRole('listitem')).toHaveCount(1)
  await expect(page.getByRole('list', { name: 'Items in your cart' })).toContainText(item)
})
