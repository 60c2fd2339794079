import { type APIRequestContext, expect, type Page, test } from '@playwright/test'
import { demoAdmin, demoShopper, logIn } from './support'

/**
 * Status codes that monitoring and caches rely on (issue 9, item 7): a shopper at /admin gets
 * 403, an order that is not yours or does not exist 404, an admin page of a missing record 404, an address that cannot be decoded 400
 * or 404, and a server action posted from another site 403. Pages that read the session send
 * their shell before their own checks run, so these are decided in proxy.ts.
 */

/** The ids linked from a page's HTML, e.g. `/admin/orders/(\d+)`. */
async function linkedIds(request: APIRequestContext, path: string, link: RegExp) {
  const response = await request.get(path)
  expect(response.status(), path).toBe(200)
  return [...new Set([...(await response.text()).matchAll(link)].map((match) => Number(match[1])))]
}

async function signedIn(page: Page, account: { email: string; password: string }) {
  await logIn(page, account.email, account.password)
  await expect(page).toHaveURL(/\/account$/)
}

test('a shopper opening the admin area gets a 403 with the no-access page', async ({ page }) => {
  await signedIn(page, demoShopper)
  for (const path of ['/admin', '/admin/orders', '/admin/products/new', '/admin/settings']) {
    const response = await page.request.get(path, { maxRedirects: 0 })
    expect(response.status(), path).toBe(403)
    const body = await response.text()
    expect(body).toContain('You don’t have access to this page')
    expect(body).not.toContain('Signed in as')
  }
  const response = await page.goto('/admin/customers')
  expect(response?.status()).toBe(403)
  await expect(page.getByRole('heading', { level: 1, name: 'You don’t have access to this page' })).toBeVisible()
  await expect(page).toHaveURL(/\/admin\/customers$/)
})

test('order pages answer 404 for someone else’s order and for unknown ids, 200 for your own', async ({ browser }) => {
  const admin = await browser.newPage()
  await signedIn(admin, demoAdmin)
  const allOrders = await linkedIds(admin.request, '/admin/orders', /href="\/admin\/orders\/(\d+)"/g)
  await admin.close()

  const page = await browser.newPage()
  await signedIn(page, demoShopper)
  const own = await linkedIds(page.request, '/account/orders', /href="\/account\/orders\/(\d+)"/g)
  const othersOrder = allOrders.find((id) => !own.includes(id))
  // The demo seed gives the shopper paid orders and 48 other customers theirs.
  expect(own.length).toBeGreaterThan(0)
  expect(othersOrder).toBeDefined()

  const ownOrder = await page.request.get(`/account/orders/${own[0]}`)
  expect(ownOrder.status()).toBe(200)
  // React separates the text parts with a comment: "Order <!-- -->#10050".
  const heading = (id: number | undefined) => new RegExp(`Order (<!-- -->)?#${id}<`)
  expect(await ownOrder.text()).toMatch(heading(own[0]))

  for (const path of [`/account/orders/${othersOrder}`, '/account/orders/2147483000', '/account/orders/not-a-number']) {
    const response = await page.request.get(path, { maxRedirects: 0 })
    expect(response.status(), path).toBe(404)
    const body = await response.text()
    expect(body).toContain('We couldn’t find that order')
    expect(body).not.toMatch(heading(othersOrder))
  }

  // A guest's order link needs the order's key.
  for (const path of [`/orders/${othersOrder}`, `/orders/${othersOrder}?key=not-the-key`, '/orders/2147483000?key=abc', '/orders/abc']) {
    const response = await page.request.get(path, { maxRedirects: 0 })
    expect(response.status(), path).toBe(404)
    expect(await response.text()).toContain('We couldn’t find that order')
  }
  const shown = await page.goto(`/orders/${othersOrder}?key=not-the-key`)
  expect(shown?.status()).toBe(404)
  await expect(page.getByRole('heading', { level: 1, name: 'We couldn’t find that order' })).toBeVisible()
  await page.close()
})

test('the admin gets a 404 for a product, order, customer, promotion or return that does not exist', async ({ page }) => {
  await signedIn(page, demoAdmin)
  const [orderId] = await linkedIds(page.request, '/admin/orders', /href="\/admin\/orders\/(\d+)"/g)
  const [productId] = await linkedIds(page.request, '/admin/products', /href="\/admin\/products\/(\d+)"/g)
  for (const path of [`/admin/orders/${orderId}`, `/admin/products/${productId}`, '/admin/products/new']) {
    expect((await page.request.get(path, { maxRedirects: 0 })).status(), path).toBe(200)
  }
  for (const path of [
    '/admin/products/2147483000',
    '/admin/orders/2147483000',
    '/admin/customers/no-such-customer',
    '/admin/promotions/2147483000',
    '/admin/returns/2147483000',
    '/admin/products/abc',
  ]) {
    const response = await page.request.get(path, { maxRedirects: 0 })
    expect(response.status(), path).toBe(404)
    expect(await response.text()).toContain('We couldn’t find that page')
  }
  const shown = await page.goto('/admin/products/2147483000')
  expect(shown?.status()).toBe(404)
  await expect(page.getByRole('heading', { level: 1, name: 'We couldn’t find that page' })).toBeVisible()
  await expect(page).toHaveURL(/\/admin\/products\/2147483000$/)
  // In the admin's frame, with its navigation and a way back to the dashboard.
  await expect(page.getByRole('navigation', { name: 'Admin' })).toBeVisible()
  await page.getByRole('main').getByRole('link', { name: 'Admin dashboard' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible()
})

test('addresses that cannot be decoded answer 400 or 404, never 500', async ({ request }) => {
  for (const path of ['/products/abc%ff', '/category/%ff', '/orders/%c3%28', '/products/%ff/reviews', '/account/orders/%ff']) {
    const response = await request.get(path, { maxRedirects: 0 })
    expect([400, 404], `${path} answered ${response.status()}`).toContain(response.status())
  }
})

test('odd requests get the status that says what is wrong, never a 500', async ({ request }) => {
  // Query parameters named like an object's own properties are just unknown parameters.
  for (const path of ['/search?constructor=1', '/search?__proto__=x&q=lamp', '/category/audio?toString']) {
    expect((await request.get(path, { maxRedirects: 0 })).status(), path).toBe(200)
  }
  // Artwork and upload paths that cannot be decoded.
  for (const path of ['/art/0/abc%ff.svg', '/art/0/%C0%AF.svg', '/uploads/%C0%AF']) {
    expect((await request.get(path, { maxRedirects: 0 })).status(), path).toBe(400)
  }
  // Pages answer GET, HEAD and POST.
  for (const method of ['PUT', 'DELETE', 'PATCH', 'OPTIONS']) {
    const response = await request.fetch('/products/no-such-product', { method, maxRedirects: 0 })
    expect(response.status(), method).toBe(405)
    expect(response.headers()['allow']).toBe('GET, HEAD, POST')
  }
  // A router header or a form body Next.js cannot read.
  const garbled = await request.get('/cart', { headers: { RSC: '1', 'Next-Router-State-Tree': 'garbage' }, maxRedirects: 0 })
  expect(garbled.status()).toBe(400)
  const unreadable = await request.post('/', { headers: { 'Content-Type': 'multipart/form-data; boundary=x' }, data: 'garbage', maxRedirects: 0 })
  expect(unreadable.status()).toBe(400)
  // A slug in capitals goes to its lower-case address; one no product could have answers 404.
  const capitals = await request.get('/category/AUDIO?page=2', { maxRedirects: 0 })
  expect(capitals.status()).toBe(308)
  expect(new URL(capitals.headers()['location'] ?? '', 'http://shop.test').pathname + new URL(capitals.headers()['location'] ?? '', 'http://shop.test').search).toBe('/category/audio?page=2')
  for (const path of ['/products/%00', '/products/%C3%BCn%C3%AFcode', '/category/%00']) {
    expect((await request.get(path, { maxRedirects: 0 })).status(), path).toBe(404)
  }
})

test('a server action posted from another site is refused with 403', async ({ request, baseURL }) => {
  for (const path of ['/', '/cart', '/account/profile']) {
    const response = await request.post(path, {
      headers: { 'Next-Action': '7f0123456789abcdef0123456789abcdef01234567', Origin: 'https://evil.example', 'Content-Type': 'text/plain;charset=UTF-8' },
      data: '[]',
      maxRedirects: 0,
    })
    expect(response.status(), path).toBe(403)
  }
  // A form posted without JavaScript carries no Next-Action header but is an action all the same.
  const form = await request.post('/cart', { headers: { Origin: 'https://evil.example' }, multipart: { quantity: '99' }, maxRedirects: 0 })
  expect(form.status()).toBe(403)
  // The same post from the shop itself is not refused by the guard (Next.js answers the unknown action).
  const sameSite = await request.post('/', {
    headers: { 'Next-Action': '7f0123456789abcdef0123456789abcdef01234567', Origin: new URL(baseURL ?? '').origin, 'Content-Type': 'text/plain;charset=UTF-8' },
    data: '[]',
    maxRedirects: 0,
  })
  expect(sameSite.status()).not.toBe(403)
  expect(sameSite.status()).toBeLessThan(500)
})
