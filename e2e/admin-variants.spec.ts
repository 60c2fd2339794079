import { expect, test } from '@playwright/test'
import { demoAdmin, field, submit } from './support'

/**
 * The merchant's variant journey: an existing product gets a "Size" option, its variants are
 * generated, stock is set per size through the stock adjustment, and the storefront's product
 * page shows the sizes. On the mobile project the variants table is a stack of cards.
 */
test('a merchant adds a Size option to a product, sets stock per size, and the shop shows the sizes', async ({ page }, testInfo) => {
  const name = `Variant Test Hoodie ${testInfo.project.name} ${Date.now()}`

  await test.step('log in and create a product (one default variant)', async () => {
    await page.goto('/login?callbackUrl=%2Fadmin%2Fproducts%2Fnew')
    await field(page, 'Email').fill(demoAdmin.email)
    await field(page, 'Password').fill(demoAdmin.password)
    await submit(page, 'Log in')
    await expect(page.getByRole('heading', { level: 1, name: 'New product' })).toBeVisible()
    await field(page, 'Name').fill(name)
    await field(page, 'Price (USD)').fill('45')
    await field(page, 'Stock').fill('0')
    await field(page, 'Category').selectOption({ index: 1 })
    await page.getByRole('button', { name: 'Create product' }).click()
    await expect(page.getByRole('heading', { level: 1, name })).toBeVisible()
  })

  const optionOne = page.getByRole('group', { name: 'Option 1' })
  await test.step('an option without values is refused beside the field, and nothing changes', async () => {
    await optionOne.getByLabel('Name', { exact: true }).fill('Size')
    await submit(page, 'Save options and generate variants')
    await expect(optionOne.getByText('Add at least one value for “Size”, separated by commas (for example “S, M, L”).')).toBeVisible()
    await expect(page.getByRole('form', { name: 'Variants' }).getByRole('listitem')).toHaveCount(1)
  })

  await test.step('add the Size option: the variants are generated', async () => {
    await optionOne.getByLabel('Values', { exact: true }).fill('S, M, L')
    await submit(page, 'Save options and generate variants')
    await expect(page.getByRole('status').filter({ hasText: 'Options saved. 2 variants created.' })).toBeVisible()
    const variants = page.getByRole('form', { name: 'Variants' })
    await expect(variants.getByRole('listitem')).toHaveCount(3)
    for (const size of ['S', 'M', 'L']) await expect(variants.getByRole('listitem', { name: size, exact: true })).toBeVisible()
  })

  await test.step('weigh the sizes for shipping: a weight in kilos is refused beside its field, grams are kept', async () => {
    const variants = page.getByRole('form', { name: 'Variants' })
    const small = variants.getByRole('listitem', { name: 'S', exact: true })
    await small.getByLabel('Weight (g)').fill('0.5 kg')
    await variants.getByRole('listitem', { name: 'M', exact: true }).getByLabel('Weight (g)').fill('560')
    await submit(page, 'Save variants')
    await expect(small.getByText('Enter the weight in whole grams, like 450, or leave it empty.')).toBeVisible()
    await small.getByLabel('Weight (g)').fill('520')
    await small.getByLabel('Barcode').fill('0012345678905')
    await submit(page, 'Save variants')
    await expect(page.getByRole('status').filter({ hasText: '2 variants saved.' })).toBeVisible()
    await page.reload()
    await expect(small.getByLabel('Weight (g)')).toHaveValue('520')
    await expect(small.getByLabel('Barcode')).toHaveValue('0012345678905')
    await expect(variants.getByRole('listitem', { name: 'M', exact: true }).getByLabel('Weight (g)')).toHaveValue('560')
  })

  await test.step('set stock per size through the stock adjustment', async () => {
    for (const [size, delta] of [
      ['S', '4'],
      ['M', '2'],
    ] as const) {
      const select = field(page, 'Variant')
      const value = await select.locator('option', { hasText: new RegExp(`^${size} \\(`) }).getAttribute('value')
      await select.selectOption(value ?? '')
      await field(page, 'Change').fill(delta)
      await field(page, 'Reason').selectOption('restock')
      await field(page, 'Note').fill('Delivery from the workshop')
      await submit(page, 'Adjust stock')
      await expect(page.getByRole('status').filter({ hasText: `Stock of ${size} is now ${delta}.` })).toBeVisible()
    }
    await expect(page.getByRole('heading', { name: 'Stock: 6' })).toBeVisible()
  })

  await test.step('the storefront product page shows the sizes', async () => {
    const href = await page.getByRole('link', { name: 'View in the shop' }).getAttribute('href')
    expect(href).toMatch(/^\/products\//)
    await page.goto(href ?? '')
    await expect(page.getByRole('heading', { level: 1, name })).toBeVisible()
    // The picker (h-variants): a group per option, sold-out sizes listed and marked.
    const sizes = page.getByRole('group', { name: /^Size/ })
    await expect(sizes.getByRole('listitem')).toHaveText([/^S(, selected)?$/, /^M(, selected)?$/, 'L, sold out'])
    await sizes.getByRole('link', { name: 'M', exact: true }).click()
    await expect(page).toHaveURL(/\?variant=/)
    await expect(page.getByText('Only 2 left')).toBeVisible()
  })
})
