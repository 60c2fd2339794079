import AxeBuilder from '@axe-core/playwright'
import { expect, type Page, test } from '@playwright/test'
import { buyAsGuest, demoAdmin, field, logIn, openAsShopper, submit, uniqueEmail } from './support'

/**
 * A return from both sides: a guest's order is shipped and delivered by the admin; the guest asks
 * to return it from the order page; the admin approves, receives (restocking) and refunds it; the
 * guest sees "Refunded" on the order.
 */

async function shipAndDeliver(page: Page, orderId: string) {
  await page.goto(`/admin/orders/${orderId}`)
  await field(page, 'Carrier').fill('UPS')
  await field(page, 'Tracking number').fill('1Z999AA10123456784')
  await submit(page, 'Mark shipped')
  await expect(page.getByRole('button', { name: 'Mark delivered' })).toBeVisible()
  await submit(page, 'Mark delivered')
  await expect(page.getByRole('button', { name: 'Mark delivered' })).toHaveCount(0)
}

async function openReturnOf(page: Page, orderId: string) {
  await page.goto('/admin/returns?status=requested')
  const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: `#${orderId}`, exact: true }) })
  await row.getByRole('link', { name: /^R-\d+$/ }).click()
  await expect(page.getByRole('heading', { level: 1, name: /^Return R-\d+$/ })).toBeVisible()
}

test('a guest returns a delivered order; the admin approves, receives and refunds it', async ({ page, browser }, testInfo) => {
  test.slow()
  const email = uniqueEmail(testInfo, 'returns')
  // A context of its own (axe needs one), apart from the admin's session in `page`.
  const shopperContext = await browser.newContext({ baseURL: testInfo.project.use.baseURL })
  const shopper = await shopperContext.newPage()
  const orderId = await buyAsGuest(shopper, email, 'Rita Returner')

  await test.step('before delivery, the order offers no return', async () => {
    await openAsShopper(shopper, orderId, email)
    await expect(shopper.getByText('Return items')).toHaveCount(0)
  })

  await test.step('the admin ships the order and marks it delivered', async () => {
    await logIn(page, demoAdmin.email, demoAdmin.password)
    await shipAndDeliver(page, orderId)
  })

  await test.step('the shopper asks to return the item', async () => {
    await openAsShopper(shopper, orderId, email)
    await expect(shopper.getByTestId('order-status')).toHaveText('Delivered')
    await shopper.getByText('Return items', { exact: true }).click()
    // The return form has no serious or critical accessibility problems (WCAG 2.1 A and AA).
    const audit = await new AxeBuilder({ page: shopper }).include('section[aria-labelledby="returns-heading"]').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze()
    expect(audit.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical').map((violation) => violation.id)).toEqual([])
    // Asking for more than was bought is refused with a sentence, and nothing is created.
    await shopper.getByRole('spinbutton', { name: /up to 1\)/ }).fill('2')
    await field(shopper, 'Reason').selectOption('wrong_size')
    await submit(shopper, 'Request return')
    await expect(shopper.getByRole('alert').filter({ hasText: 'You can return at most 1 of' })).toBeVisible()
    await shopper.getByRole('spinbutton', { name: /up to 1\)/ }).fill('1')
    await field(shopper, 'Note (optional)').fill('Too small for my desk')
    await submit(shopper, 'Request return')
    // The page shows the new return at once (the form goes: nothing is left to return).
    await expect(shopper.getByTestId('return-status')).toHaveText('Requested')
    await shopper.reload()
    await expect(shopper.getByTestId('return-status')).toHaveText('Requested')
    // Everything bought is now in a return: no second request is offered.
    await expect(shopper.getByText('Return items', { exact: true })).toHaveCount(0)
  })

  await test.step('the admin approves, receives with restock, and refunds', async () => {
    await openReturnOf(page, orderId)
    await expect(page.getByText('Too small for my desk')).toBeVisible()

    await field(page, 'Message to the shopper').fill('Please send it back in its box.')
    await submit(page, 'Approve return')
    await expect(page.getByTestId('admin-return-status')).toHaveText('Approved')

    await page.getByLabel(/^Put 1 × .+ back in stock$/).check()
    await submit(page, 'Mark items received')
    await expect(page.getByTestId('admin-return-status')).toHaveText('Received')

    // The returned line's value is prefilled; more than that is refused.
    const amount = field(page, 'Amount to refund (USD)')
    const prefilled = await amount.inputValue()
    expect(Number(prefilled)).toBeGreaterThan(0)
    await amount.fill((Number(prefilled) + 1).toFixed(2))
    await submit(page, 'Refund return')
    await expect(page.getByRole('alert').filter({ hasText: 'You can refund at most' })).toBeVisible()
    await amount.fill(prefilled)
    await submit(page, 'Refund return')
    await expect(page.getByTestId('admin-return-status')).toHaveText('Refunded')
  })

  await test.step('the shopper sees the return refunded', async () => {
    await openAsShopper(shopper, orderId, email)
    await expect(shopper.getByTestId('return-status')).toHaveText('Refunded')
    await expect(shopper.getByTestId('order-status')).toHaveText(/Refunded|Partially refunded/)
  })

  await test.step('the admin sees the return emails among the background jobs', async () => {
    await page.goto('/admin/jobs?state=done&kind=mail.return-update')
    await expect(page.getByRole('heading', { level: 1, name: 'Background jobs' })).toBeVisible()
    await expect(page.getByRole('row').filter({ hasText: 'mail.return-update' }).first()).toBeVisible()
  })
  await shopperContext.close()
})

test('the admin closes a received return without a refund; the shopper reads why', async ({ page, browser }, testInfo) => {
  test.slow()
  const email = uniqueEmail(testInfo, 'return-closed')
  const shopperContext = await browser.newContext({ baseURL: testInfo.project.use.baseURL })
  const shopper = await shopperContext.newPage()
  const orderId = await buyAsGuest(shopper, email, 'Cole Closer')
  await logIn(page, demoAdmin.email, demoAdmin.password)
  await shipAndDeliver(page, orderId)

  await openAsShopper(shopper, orderId, email)
  await shopper.getByText('Return items', { exact: true }).click()
  await shopper.getByRole('spinbutton', { name: /up to 1\)/ }).fill('1')
  await field(shopper, 'Reason').selectOption('changed_mind')
  await submit(shopper, 'Request return')
  await expect(shopper.getByTestId('return-status')).toHaveText('Requested')

  await openReturnOf(page, orderId)
  await submit(page, 'Approve return')
  await expect(page.getByTestId('admin-return-status')).toHaveText('Approved')
  await submit(page, 'Mark items received')
  await expect(page.getByTestId('admin-return-status')).toHaveText('Received')
  // Closing needs a reason the shopper reads.
  await submit(page, 'Close without refund')
  await expect(page.getByText('Tell the shopper why the return is closed without a refund.').first()).toBeVisible()
  await field(page, 'Message to the shopper').fill('The item came back used, so we cannot refund it.')
  await submit(page, 'Close without refund')
  await expect(page.getByTestId('admin-return-status')).toHaveText('Closed without refund')
  await expect(page.getByRole('button', { name: 'Refund return' })).toHaveCount(0)

  await openAsShopper(shopper, orderId, email)
  await expect(shopper.getByTestId('return-status')).toHaveText('Closed without refund')
  await expect(shopper.getByText('Our note: The item came back used, so we cannot refund it.')).toBeVisible()
  await shopperContext.close()
})
