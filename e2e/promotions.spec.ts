import AxeBuilder from '@axe-core/playwright'
import { expect, test } from '@playwright/test'
import { applyCode, cartWithAProduct, createPromotion, demoAdmin, field, fillPromotion, latestMailTo, payOnDemoPage, submit, uniqueCode, uniqueEmail } from './support'

/**
 * Promotions: a merchant creates a code (bad input first) and pauses it; a shopper applies a code
 * typed carelessly, pays with demo payments and sees the cart's numbers on the payment page and
 * the order; codes that do not apply say why.
 */

test('a merchant creates a code, refused first for a discount over 100 %, then pauses it', async ({ page, browser }, testInfo) => {
  const code = uniqueCode(testInfo, 'PAUSE')
  const name = `Pause test ${code}`
  await page.goto('/login?callbackUrl=%2Fadmin%2Fpromotions')
  await field(page, 'Email').fill(demoAdmin.email)
  await field(page, 'Password').fill(demoAdmin.password)
  await submit(page, 'Log in')
  await expect(page.getByRole('heading', { level: 1, name: 'Promotions' })).toBeVisible()
  await page.getByRole('link', { name: 'New promotion' }).click()

  await fillPromotion(page, { name, code, percent: '150' })
  await page.getByRole('button', { name: 'Create promotion' }).click()
  await expect(page.getByRole('alert').filter({ hasText: 'Please correct the highlighted fields.' })).toBeVisible()
  await expect(page.getByText('Enter a percentage greater than 0 and at most 100, like 20 or 12.5.')).toBeVisible()
  await field(page, 'Percent off').fill('15')
  await page.getByRole('button', { name: 'Create promotion' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Promotion created.' })).toBeVisible()

  const row = page.getByRole('row').filter({ hasText: code })
  await expect(row).toContainText('15 % off')
  await expect(row).toContainText('Running')
  await row.getByRole('button', { name: `Pause ${name}` }).click()
  await expect(row).toContainText('Paused')
  await expect(row.getByRole('button', { name: `Resume ${name}` })).toBeVisible()

  // A shopper can no longer use it.
  const shopper = await browser.newContext({ baseURL: testInfo.project.use.baseURL })
  const shopperPage = await shopper.newPage()
  await cartWithAProduct(shopperPage)
  await applyCode(shopperPage, code)
  await expect(shopperPage.getByRole('main').getByRole('alert')).toHaveText(`The code ${code} is not active right now.`)
  await shopper.close()
})

test('a shopper applies a code, pays with demo payments, and the order shows the cart’s numbers', async ({ page, browser }, testInfo) => {
  const code = uniqueCode(testInfo, 'TWENTY')
  const minimum = uniqueCode(testInfo, 'BIGSPEND')
  await createPromotion(browser, testInfo, { name: 'Twenty off', code })
  await createPromotion(browser, testInfo, { name: 'Big spenders', code: minimum, minSubtotal: '99999' })

  await cartWithAProduct(page)
  const totalBefore = await page.getByTestId('cart-total').textContent()

  // Codes that do not apply say why and change nothing.
  await applyCode(page, 'NO-SUCH-CODE')
  await expect(page.getByRole('main').getByRole('alert')).toHaveText("We don't know the code NO-SUCH-CODE. Check the spelling and try again.")
  await applyCode(page, minimum.toLowerCase())
  await expect(page.getByRole('main').getByRole('alert')).toContainText(`The code ${minimum} needs a minimum $99,999.00 subtotal`)
  await expect(page.getByTestId('cart-total')).toHaveText(totalBefore ?? '')

  // Typed in lower case with spaces: still the code.
  await applyCode(page, `  ${code.toLowerCase()} `)
  await expect(page.getByRole('status').filter({ hasText: `${code} applied: you save $` })).toBeVisible()
  await expect(page.getByRole('term').filter({ hasText: `Code ${code}` })).toBeVisible()
  const cart = {
    subtotal: await page.getByTestId('cart-subtotal').textContent(),
    discount: await page.getByTestId('cart-discount').textContent(),
    shipping: await page.getByTestId('cart-shipping').textContent(),
    total: await page.getByTestId('cart-total').textContent(),
  }
  expect(cart.total).not.toBe(totalBefore)
  // The cart with its code form and discount row stays accessible (the header is checked elsewhere).
  const axe = await new AxeBuilder({ page }).include('main').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze()
  expect(axe.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical').map((violation) => [violation.id, violation.nodes.map((node) => node.html)])).toEqual(
    [],
  )

  const email = uniqueEmail(testInfo, 'promo-buyer')
  await field(page, 'Email for your receipt').fill(email)
  await page.getByRole('button', { name: 'Check out' }).click()
  await expect(page).toHaveURL(/\/checkout\/demo\/cs_demo_/)
  await expect(page.getByTestId('pay-discount')).toHaveText(cart.discount ?? '')
  await expect(page.getByTestId('pay-total')).toHaveText(cart.total ?? '')
  await expect(page.getByRole('button', { name: `Pay ${cart.total}` })).toBeVisible()
  await payOnDemoPage(page)

  await expect(page).toHaveURL(/\/checkout\/success\?session_id=cs_demo_/)
  await expect(page.getByTestId('order-status')).toHaveText('Paid')
  await expect(page.getByTestId('order-subtotal')).toHaveText(cart.subtotal ?? '')
  await expect(page.getByTestId('order-discount')).toHaveText(cart.discount ?? '')
  await expect(page.getByTestId('order-shipping')).toHaveText(cart.shipping ?? '')
  await expect(page.getByTestId('order-total')).toHaveText(cart.total ?? '')
  await expect(page.getByRole('term').filter({ hasText: `Code ${code}` })).toBeVisible()

  // The confirmation email carries the same numbers.
  const { mailbox, message } = await latestMailTo(browser, testInfo, email)
  await expect(message).toContainText(`Subtotal — ${cart.subtotal}`)
  await expect(message).toContainText(`Code ${code} — −${(cart.discount ?? '').replace('−', '')}`)
  await expect(message).toContainText(`Total paid — ${cart.total}`)
  await mailbox.context().close()
})

test('a 100 % code with local pickup comes to $0.00: the shopper places the order without a card', async ({ page, browser }, testInfo) => {
  const code = uniqueCode(testInfo, 'GIFT')
  await createPromotion(browser, testInfo, { name: 'Gift', code, percent: '100' })
  await cartWithAProduct(page)
  await applyCode(page, code)
  await expect(page.getByRole('status').filter({ hasText: `${code} applied: you save $` })).toBeVisible()
  const shippingForm = page.getByRole('form', { name: 'Shipping' })
  await shippingForm.getByRole('radio', { name: /Local pickup/ }).check()
  await shippingForm.getByRole('button', { name: 'Update shipping' }).click()
  await expect(page).toHaveURL(/shipping=\d+/)
  await expect(page.getByTestId('cart-total')).toHaveText('$0.00')

  const email = uniqueEmail(testInfo, 'gift-buyer')
  await field(page, 'Email for your receipt').fill(email)
  await page.getByRole('button', { name: 'Check out' }).click()
  await expect(page).toHaveURL(/\/checkout\/free\/cs_free_/)
  await expect(page.getByRole('heading', { level: 1, name: 'Confirm your order' })).toBeVisible()
  await expect(page.getByRole('main')).toContainText('there is nothing to pay')
  await expect(page.getByTestId('pay-total')).toHaveText('$0.00')
  await expect(field(page, 'Card number')).toHaveCount(0)

  // No address yet: refused beside the field, nothing placed.
  await page.getByRole('button', { name: 'Place order' }).click()
  await expect(page.getByText('Enter the street address.')).toBeVisible()
  await field(page, 'Full name').fill('Ada Shopper')
  await field(page, 'Street address').fill('12 Market Street')
  await field(page, 'City').fill('Portland')
  await field(page, 'Postal code').fill('97201')
  await page.getByLabel('Country', { exact: true }).selectOption('US')
  await page.getByRole('button', { name: 'Place order' }).click()

  await expect(page).toHaveURL(/\/checkout\/success\?session_id=cs_free_/)
  await expect(page.getByRole('status').filter({ hasText: `Your order is placed and a confirmation is on its way to ${email}` })).toBeVisible()
  await expect(page.getByTestId('order-status')).toHaveText('Paid')
  await expect(page.getByTestId('order-total')).toHaveText('$0.00')
  await expect(page.getByRole('main')).toContainText('Nothing to pay: the order came to $0.00.')

  const { mailbox, message } = await latestMailTo(browser, testInfo, email)
  await expect(message).toContainText('There was nothing to pay.')
  await expect(message).toContainText('Total — $0.00')
  await mailbox.context().close()
})
