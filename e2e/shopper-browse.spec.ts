import { expect, type Locator, type Page, test } from '@playwright/test'

/** The product cards in the main content (not the header or footer). */
function productCards(page: Page): Locator {
  return page.getByRole('main').getByRole('article')
}

/** The product names shown in the result grid, in order. */
async function productNames(page: Page): Promise<string[]> {
  return productCards(page).getByRole('link').allInnerTexts()
}

/** The card prices shown in the result grid, in cents, in order. */
async function productPrices(page: Page): Promise<number[]> {
  const texts = await productCards(page).allInnerTexts()
  return texts.map((text) => {
    const match = /\$([\d,]+)\.(\d{2})/.exec(text)
    if (!match) throw new Error(`No price in product card: ${text}`)
    return Number((match[1] ?? '').replaceAll(',', '')) * 100 + Number(match[2])
  })
}

function filterForm(page: Page): Locator {
  // Folded away on a phone until opened (openFilters), yet its values are in the page.
  return page.getByRole('form', { name: 'Filter and sort', includeHidden: true })
}

/** On a phone the filters fold into "Filters and sort": opens the fold (on a wide screen they show as they are). */
async function openFilters(page: Page) {
  const fold = page.locator('summary', { hasText: 'Filters and sort' })
  if (await fold.isVisible()) await fold.click()
  await expect(filterForm(page)).toBeVisible()
}

function pager(page: Page): Locator {
  return page.getByRole('navigation', { name: 'Pagination' })
}

test('a shopper browses a category, opens a product, searches with a typo, filters, sorts and pages', async ({ page }) => {
  await test.step('home page', async () => {
    await page.goto('/')
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Everyday goods, thoughtfully made.')
    await expect(page.getByRole('heading', { name: 'Featured' })).toBeVisible()
    await expect(page.getByRole('heading', { name: 'New arrivals' })).toBeVisible()
  })

  await test.step('pick a category from the category grid', async () => {
    const grid = page.getByRole('region', { name: 'Shop by category' })
    // The link's name is the category name followed by its description.
    await grid.getByRole('link', { name: /^Audio\b/ }).click()
    await expect(page).toHaveURL(/\/category\/audio$/)
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Audio')
    const breadcrumbs = page.getByRole('navigation', { name: 'Breadcrumb' })
    await expect(breadcrumbs.getByRole('link', { name: 'Home' })).toHaveAttribute('href', '/')
    await expect(breadcrumbs.getByText('Audio', { exact: true })).toHaveAttribute('aria-current', 'page')
    await expect(productCards(page).first()).toBeVisible()
  })

  await test.step('open a product', async () => {
    const card = productCards(page).first()
    const name = (await card.getByRole('link').innerText()).trim()
    const price = /\$[\d,]+\.\d{2}/.exec(await card.innerText())?.[0] ?? ''
    expect(price).not.toBe('')
    await card.getByRole('link').click()

    await expect(page).toHaveURL(/\/products\/[a-z0-9-]+$/)
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(name)
    const breadcrumbs = page.getByRole('navigation', { name: 'Breadcrumb' })
    await expect(breadcrumbs.getByRole('link', { name: 'Home' })).toBeVisible()
    await expect(breadcrumbs.getByRole('link', { name: 'Audio', exact: true })).toHaveAttribute('href', '/category/audio')
    await expect(breadcrumbs.locator('[aria-current="page"]')).toHaveText(name)
    // The price next to the heading matches the card the shopper clicked.
    const details = page
      .getByRole('main')
      .locator('div', { has: page.getByRole('heading', { level: 1 }) })
      .last()
    await expect(details.getByText(price, { exact: true })).toBeVisible()
    await expect(details.getByText(/^(In stock|Only \d+ left|Out of stock)$/)).toBeVisible()
  })

  await test.step('search with a typo from the header', async () => {
    const search = page.getByRole('combobox', { name: 'Search products' })
    await search.fill('hedphones')
    await search.press('Enter')
    await expect(page).toHaveURL(/\/search\?q=hedphones$/)
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Search')
    await expect(page.getByText(/No exact matches for .?hedphones.?\. Showing products with similar names\./)).toBeVisible()
    await expect(
      page
        .getByRole('main')
        .getByRole('link', { name: /Headphones/ })
        .first(),
    ).toBeVisible()
  })

  await test.step('filter by maximum price and availability', async () => {
    await openFilters(page)
    const form = filterForm(page)
    await expect(form.getByLabel('Keywords')).toHaveValue('hedphones')
    await form.getByLabel('Maximum price').fill('100')
    await form.getByRole('checkbox', { name: 'In stock only' }).check()
    await form.getByRole('button', { name: 'Apply filters' }).click()

    await expect(page).toHaveURL(/[?&]max=100(&|$)/)
    await expect(page).toHaveURL(/[?&]in_stock=1(&|$)/)
    await expect(page).toHaveURL(/[?&]q=hedphones(&|$)/)
    await expect(filterForm(page).getByLabel('Maximum price')).toHaveValue('100')
    await expect(filterForm(page).getByLabel('In stock only')).toBeChecked()
    await expect(productCards(page).first()).toBeVisible()
    for (const cents of await productPrices(page)) expect(cents).toBeLessThanOrEqual(100_00)
    // In-stock filtering: no card says "Sold out".
    await expect(page.getByRole('main').getByText('Sold out')).toHaveCount(0)
  })

  let firstPage: string[] = []
  await test.step('clear the keywords and sort by price, low to high', async () => {
    await openFilters(page)
    const form = filterForm(page)
    await form.getByLabel('Keywords').fill('')
    // The select submits the form on change.
    await form.getByLabel('Sort by').selectOption({ label: 'Price: low to high' })

    await expect(page).toHaveURL(/[?&]sort=price_asc(&|$)/)
    await expect(page).toHaveURL(/[?&]max=100(&|$)/)
    await expect(page).not.toHaveURL(/[?&]q=hedphones/)
    await expect(pager(page).getByText(/^Page 1 of \d+$/)).toBeVisible()
    const prices = await productPrices(page)
    expect(prices.length).toBeGreaterThan(1)
    expect(prices).toEqual([...prices].sort((a, b) => a - b))
    for (const cents of prices) expect(cents).toBeLessThanOrEqual(100_00)
    firstPage = await productNames(page)
  })

  await test.step('page forward with Next', async () => {
    const lastPriceOnPageOne = (await productPrices(page)).at(-1) ?? 0
    await pager(page).getByRole('link', { name: 'Next', exact: true }).click()
    await expect(page).toHaveURL(/[?&]page=2(&|$)/)
    await expect(page).toHaveURL(/[?&]sort=price_asc(&|$)/)
    await expect(pager(page).getByText(/^Page 2 of \d+$/)).toBeVisible()
    const secondPage = await productNames(page)
    expect(secondPage.length).toBeGreaterThan(0)
    expect(secondPage.filter((name) => firstPage.includes(name))).toEqual([])
    const prices = await productPrices(page)
    expect(prices).toEqual([...prices].sort((a, b) => a - b))
    expect(prices[0]).toBeGreaterThanOrEqual(lastPriceOnPageOne)
  })

  await test.step('go back to page 1 with the browser back button', async () => {
    await page.goBack()
    await expect(page).not.toHaveURL(/[?&]page=/)
    await expect(pager(page).getByText(/^Page 1 of \d+$/)).toBeVisible()
    await expect.poll(() => productNames(page)).toEqual(firstPage)
  })
})

test('header search suggests products while typing and opens the chosen one', async ({ page }) => {
  await page.goto('/')
  const search = page.getByRole('combobox', { name: 'Search products' })
  await search.pressSequentially('head', { delay: 50 })

  const suggestions = page.getByRole('listbox', { name: 'Suggested products' })
  await expect(suggestions).toBeVisible()
  await expect(search).toHaveAttribute('aria-expanded', 'true')
  const option = suggestions.getByRole('option', { name: /Headphones/ }).first()
  await expect(option).toBeVisible()
  // An option reads "<name> <price>"; the name is its first part.
  const name = (await option.locator('span').first().innerText()).trim()
  await option.click()

  await expect(page).toHaveURL(/\/products\/[a-z0-9-]+$/)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(name)
})

test.describe('pages that do not exist', () => {
  test('an unknown product shows the not-found page with a way back', async ({ page }) => {
    const response = await page.goto('/products/does-not-exist')
    expect(response?.status()).toBe(404)
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('This product isn’t available')
    const back = page.getByRole('main').getByRole('link', { name: 'Back to the shop' })
    await expect(back).toHaveAttribute('href', '/')
    await back.click()
    await expect(page).toHaveURL(/\/$/)
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Everyday goods, thoughtfully made.')
  })

  test('an unknown category shows the not-found page with a way back', async ({ page }) => {
    const response = await page.goto('/category/does-not-exist')
    expect(response?.status()).toBe(404)
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('We couldn’t find that category')
    await expect(page.getByRole('main').getByRole('link', { name: 'Back to the shop' })).toHaveAttribute('href', '/')
    await expect(page.getByRole('main').getByRole('link', { name: 'Search products' })).toHaveAttribute('href', '/search')
  })
})

test('on a phone the results come first and the filters fold away; on a wide screen both show', async ({ page, isMobile }) => {
  await page.goto('/search?q=headphones&in_stock=1&max=150')
  const fold = page.locator('summary', { hasText: 'Filters and sort' })
  const firstCard = productCards(page).first()
  if (isMobile) {
    await expect(fold).toHaveText(/Filters and sort · 2 applied/)
    await expect(filterForm(page).getByLabel('Maximum price')).toBeHidden()
    // The first result is on the first screen, not below a screenful of filters.
    const box = await firstCard.boundingBox()
    expect(box && box.y + box.height / 2).toBeLessThan(page.viewportSize()?.height ?? 0)
    await fold.click()
    await expect(filterForm(page).getByLabel('Maximum price')).toHaveValue('150')
    await expect(filterForm(page).getByLabel('Maximum price')).toBeVisible()
  } else {
    await expect(fold).toBeHidden()
    await expect(filterForm(page).getByLabel('Maximum price')).toBeVisible()
    await expect(firstCard).toBeVisible()
  }
})

test('hostile search parameters render a normal, escaped page', async ({ page }) => {
  const dialogs: string[] = []
  page.on('dialog', async (dialog) => {
    dialogs.push(dialog.message())
    await dialog.dismiss()
  })
  const hostile = '<script>alert(1)</script>'
  const response = await page.goto(`/search?page=-1&min=1e999&sort=bogus&q=${encodeURIComponent(hostile)}`)

  expect(response?.status()).toBeLessThan(500)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Search')
  // The query is shown as text, not markup.
  await expect(page.getByRole('status')).toContainText(hostile)
  const form = filterForm(page)
  await expect(form.getByLabel('Keywords')).toHaveValue(hostile)
  // Bad values fall back to their defaults.
  await expect(form.getByLabel('Minimum price')).toHaveValue('')
  await expect(form.getByLabel('Sort by')).toHaveValue('relevance')
  await expect(page.getByRole('main').getByRole('heading', { name: /Nothing matches/ })).toBeVisible()
  expect(dialogs).toEqual([])
})

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false })

  test('the header search box submits as a plain GET form', async ({ page }) => {
    await page.goto('/')
    const search = page.getByRole('combobox', { name: 'Search products' })
    await search.fill('headphones')
    await search.press('Enter')
    await expect(page).toHaveURL(/\/search\?q=headphones$/)
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Search')
  })

  test('the filter form submits as a plain GET form', async ({ page }) => {
    await page.goto('/search?q=headphones')
    await openFilters(page)
    const form = filterForm(page)
    await form.getByLabel('Maximum price').fill('150')
    await form.getByRole('checkbox', { name: 'In stock only' }).check()
    await form.getByLabel('Sort by').selectOption({ label: 'Price: low to high' })
    await form.getByRole('button', { name: 'Apply filters' }).click()

    await expect(page).toHaveURL(/\/search\?/)
    await expect(page).toHaveURL(/[?&]q=headphones(&|$)/)
    await expect(page).toHaveURL(/[?&]max=150(&|$)/)
    await expect(page).toHaveURL(/[?&]in_stock=1(&|$)/)
    await expect(page).toHaveURL(/[?&]sort=price_asc(&|$)/)
    await expect(page.getByRole('status')).toContainText(/\d+ products? for/)
    await expect(filterForm(page).getByLabel('In stock only')).toBeChecked()
    const prices = await productPrices(page)
    expect(prices.length).toBeGreaterThan(0)
    for (const cents of prices) expect(cents).toBeLessThanOrEqual(150_00)
    expect(prices).toEqual([...prices].sort((a, b) => a - b))
  })

  test('a product goes into the cart from a listing card and from its page', async ({ page }) => {
    await page.goto('/search?in_stock=1&sort=price_desc')
    const quickAdd = page
      .getByRole('main')
      .getByRole('button', { name: /^Add .+ to cart$/ })
      .first()
    const name = ((await quickAdd.getAttribute('aria-label')) ?? '').replace(/^Add (.+) to cart$/, '$1')
    await quickAdd.click()
    // The form posted to the page, which came back with the answer on the card's button.
    await expect(page.getByRole('main').getByRole('button', { name: `Add ${name} to cart` })).toHaveText('Added')

    await page.getByRole('main').getByRole('link', { name, exact: true }).click()
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(name)
    await page.getByLabel('Quantity').selectOption('2')
    await page.getByRole('button', { name: 'Add to cart' }).click()
    await expect(page.getByText('Added to your cart (3 in cart).')).toBeVisible()

    await page.goto('/cart')
    const lines = page.getByRole('list', { name: 'Items in your cart' }).getByRole('listitem')
    await expect(lines).toHaveCount(1)
    await expect(lines.first()).toContainText(name)
    await expect(page.getByText('Subtotal (3 items)')).toBeVisible()
  })
})
