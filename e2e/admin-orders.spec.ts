import { expect, test } from '@playwright/test'
import { buyAsGuest, cartWithAProduct, demoAdmin, field, logIn, openAsShopper, submit, uniqueEmail } from './support'

/**
 * The merchant's order journey: a guest buys with demo payments; the admin marks the order shipped
 * with a tracking number, and the shopper sees it; the admin refunds part, and the shopper sees
 * "Partially refunded".
 */

test('the admin ships and partly refunds a guest’s order, and the shopper sees each step', async ({ page, browser }, testInfo) => {
  // A purchase, shipping and a confirmed refund, seen from both sides.
  test.slow()
  const email = uniqueEmail(testInfo, 'admin-orders')
  const shopper = await browser.newPage()
  const orderId = await buyAsGuest(shopper, email, 'Grace Buyer', 'Gift wrap, please: it is a birthday present.')

  await test.step('the admin marks it shipped with a tracking number', async () => {
    await logIn(page, demoAdmin.email, demoAdmin.password)
    await page.goto(`/admin/orders/${orderId}`)
    await expect(page.getByRole('heading', { level: 1, name: `Order #${orderId}` })).toBeVisible()
    await expect(page.getByText('Note from the customer')).toBeVisible()
    await expect(page.getByText('Gift wrap, please: it is a birthday present.')).toBeVisible()
    await page.getByRole('button', { name: 'Resend confirmation email' }).click()
    await expect(page.getByRole('status').filter({ hasText: `The confirmation is on its way to ${email} again.` })).toBeVisible()
    // The shopper wrote to say the flat number was missing: corrected before shipping.
    await page.getByText('Correct the shipping address').click()
    await field(page, 'Apartment, suite (optional)').fill('Flat 3')
    await page.getByRole('button', { name: 'Save address' }).click()
    await expect(page.getByRole('status').filter({ hasText: 'Shipping address corrected.' })).toBeVisible()
    await expect(page.getByRole('main')).toContainText('Flat 3')
    // Only what the lifecycle allows is offered: a paid order cannot be cancelled.
    await expect(page.getByRole('button', { name: 'Cancel order' })).toHaveCount(0)
    await field(page, 'Carrier').fill('UPS')
    await field(page, 'Tracking number').fill('1Z999AA10123456784')
    await submit(page, 'Mark shipped')
    // Back on the order page, which says what was done, shows the order as shipped and no longer offers shipping it.
    await expect(page.getByRole('status').filter({ hasText: 'Order marked shipped; the customer is emailed the tracking number.' })).toBeVisible()
    await expect(page).toHaveURL(new RegExp(`/admin/orders/${orderId}\\?done=shipped$`))
    await expect(page.getByText('Shipped with UPS, tracking number 1Z999AA10123456784')).toBeVisible()
    await expect(page.getByRole('button', { name: 'Mark shipped' })).toHaveCount(0)
  })

  await test.step('the shopper sees “Shipped” and the tracking number', async () => {
    await openAsShopper(shopper, orderId, email)
    await expect(shopper.getByTestId('order-status')).toHaveText('Shipped')
    await expect(shopper.getByRole('region', { name: 'Shipping address' })).toContainText('Flat 3')
    await expect(shopper.getByText('1Z999AA10123456784', { exact: true })).toBeVisible()
  })

  await test.step('the admin refunds one dollar, confirming the amount first', async () => {
    // Nothing is prefilled: one click cannot refund the whole order.
    await expect(field(page, 'Amount to refund (USD)')).toHaveValue('')
    await field(page, 'Amount to refund (USD)').fill('1')
    await field(page, 'Reason').fill('Late delivery')
    await submit(page, 'Refund')
    await expect(page.getByRole('alert').filter({ hasText: 'Refund $1.00 to the customer?' })).toBeVisible()
    await expect(page.getByText('Refunded', { exact: true })).toHaveCount(0)

    // Cancel sends nothing and brings back an empty form.
    await submit(page, 'Cancel')
    await expect(page.getByRole('status').filter({ hasText: 'nothing was refunded' })).toBeVisible()
    await expect(field(page, 'Amount to refund (USD)')).toHaveValue('')

    await field(page, 'Amount to refund (USD)').fill('1')
    await field(page, 'Reason').fill('Late delivery')
    await submit(page, 'Refund')
    await submit(page, 'Confirm refund')
    await expect(page.getByRole('status').filter({ hasText: 'Refund sent' })).toBeVisible()
  })

  await test.step('the shopper sees “Partially refunded”', async () => {
    await openAsShopper(shopper, orderId, email)
    await expect(shopper.getByTestId('order-status')).toHaveText('Partially refunded')
  })
  await shopper.close()
})

test('the admin cancels a guest’s unpaid order; the guest’s payment page then says it is closed', async ({ page, browser, isMobile }, testInfo) => {
  test.skip(isMobile, 'the admin page and the payment page are the same on a phone; the desktop project runs it')
  const shopper = await browser.newPage()
  let orderId = ''

  await test.step('a guest checks out and stops on the payment page', async () => {
    await cartWithAProduct(shopper)
    await field(shopper, 'Email for your receipt').fill(uniqueEmail(testInfo, 'admin-cancel'))
    await shopper.getByRole('button', { name: 'Check out' }).click()
    await expect(shopper.getByText(/· the items are held for you until/)).toBeVisible()
    orderId = /Order #(\d+)/.exec(await shopper.getByRole('main').innerText())?.[1] ?? ''
    expect(orderId).not.toBe('')
  })

  await test.step('the admin cancels it and the order page says so', async () => {
    await logIn(page, demoAdmin.email, demoAdmin.password)
    await page.goto(`/admin/orders/${orderId}`)
    await page.getByRole('button', { name: 'Cancel order' }).click()
    await expect(page.getByRole('status').filter({ hasText: 'Order cancelled; its reserved stock is back on sale.' })).toBeVisible()
    await expect(page.getByRole('button', { name: 'Cancel order' })).toHaveCount(0)
    await expect(page.getByText('Cancelled (admin)')).toBeVisible()
  })

  await test.step('the guest’s payment page no longer takes the payment', async () => {
    await shopper.reload()
    await expect(shopper.getByRole('main').getByRole('alert')).toHaveText('This checkout is closed: its order was cancelled, so the items went back on sale. Nothing was charged.')
    await expect(shopper.getByLabel('Card number', { exact: true })).toHaveCount(0)
    await expect(shopper.getByText(/held for you until/)).toHaveCount(0)
  })
  await shopper.close()
})
