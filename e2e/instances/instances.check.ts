import { readFileSync } from 'node:fs'
import path from 'node:path'
import { type APIRequestContext, expect, type Page, test } from '@playwright/test'
import postgres from 'postgres'
import { demoAdmin, field, payOnDemoPage, submit } from '../support'

/**
 * Two production servers (A and B) on one PostgreSQL and one Redis, started by run.ts. Every
 * check writes through one instance and reads through the other on the very next request.
 */
const A = process.env.INSTANCE_A ?? ''
const B = process.env.INSTANCE_B ?? ''
const SINGLE = process.env.INSTANCE_SINGLE ?? ''
const sql = postgres(process.env.INSTANCES_DATABASE_URL ?? '', { max: 2, onnotice: () => {} })

test.afterAll(async () => {
  await sql.end()
})

const money = (cents: number) => `$${(cents / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`

async function html(request: APIRequestContext, url: string) {
  const response = await request.get(url)
  expect(response.status(), url).toBe(200)
  return response.text()
}

async function logInAsAdmin(page: Page, origin: string) {
  await page.goto(`${origin}/login?callbackUrl=%2Fadmin`)
  await field(page, 'Email').fill(demoAdmin.email)
  await field(page, 'Password').fill(demoAdmin.password)
  await submit(page, 'Log in')
  await expect(page).toHaveURL(`${origin}/admin`)
}

async function setPrice(page: Page, origin: string, productId: number, cents: number) {
  await page.goto(`${origin}/admin/products/${productId}`)
  // The product form's price (the variants table below has a price field per variant too).
  const productForm = page.locator('form').filter({ has: page.getByRole('button', { name: 'Save product' }) })
  await productForm.getByLabel('Price (USD)', { exact: true }).fill((cents / 100).toFixed(2))
  await submit(page, 'Save product')
  await expect(page.getByRole('status').filter({ hasText: 'Product saved.' })).toBeVisible()
}

test('a price changed in the admin on one instance shows on the other instance at once', async ({ page, request }) => {
  // A product without options (priced by the product form) on its category's first page, with a name that finds it in search.
  const [category] = await sql<{ id: number; slug: string }[]>`
    select c.id, c.slug from categories c
    join products p on p.category_id = c.id and p.active and not exists (select 1 from product_options o where o.product_id = p.id)
    group by c.id order by count(*) desc, c.id limit 1`
  const categoryHtml = await html(request, `${B}/category/${category?.slug}`)
  const listed = [...categoryHtml.matchAll(/href="\/products\/([a-z0-9-]+)"/g)].map((match) => match[1] ?? '')
  const withoutOptions = await sql<{ id: number; slug: string; name: string; price_cents: number }[]>`
    select id, slug, name, price_cents from products p where slug in ${sql(listed)} and not exists (select 1 from product_options o where o.product_id = p.id)`
  const product = listed.map((slug) => withoutOptions.find((row) => row.slug === slug)).find((row) => row !== undefined)
  const slug = product?.slug
  if (!category || !slug || !product) throw new Error('no product on the category page')
  const pages = {
    product: `/products/${slug}`,
    category: `/category/${category.slug}`,
    search: `/search?q=${encodeURIComponent(product.name)}`,
  }

  // Cookies are per host, not per port: this one session is valid on both instances (one AUTH_SECRET).
  await logInAsAdmin(page, A)
  const rounds = [
    { writer: A, reader: B, cents: 98_765 },
    { writer: B, reader: A, cents: 87_654 },
  ]
  for (const round of rounds) {
    // Warm every page on the reading instance so a stale copy would be there to serve. Twice: a
    // search the instance has not seen before renders at request time and enters the route cache
    // on its second request (lib/catalog/listing-route.ts).
    for (const url of Object.values(pages)) {
      for (let visit = 0; visit < 2; visit++) {
        expect((await html(request, round.reader + url)).includes(money(round.cents)), `${url} before the change`).toBe(false)
      }
    }
    await setPrice(page, round.writer, product.id, round.cents)
    for (const [name, url] of Object.entries(pages)) {
      const shown = (await html(request, round.reader + url)).includes(money(round.cents))
      expect(shown, `the ${name} page on the other instance shows the new price ${money(round.cents)}`).toBe(true)
    }
  }
})

test('an order paid through one instance shows as paid on the other', async ({ page }) => {
  const email = `instances-${Date.now()}@example.com`
  await page.goto(`${A}/search?in_stock=1&sort=price_asc`)
  const answered = page.waitForResponse((response) => response.request().method() === 'POST' && response.request().headers()['next-action'] !== undefined)
  await page
    .getByRole('button', { name: /^Add .+ to cart$/ })
    .first()
    .click()
  await answered
  await page.goto(`${A}/cart`)
  await field(page, 'Email for your receipt').fill(email)
  await page.getByRole('button', { name: 'Check out' }).click()
  await payOnDemoPage(page, { name: 'Ada Shopper' })
  await expect(page.getByTestId('order-status')).toHaveText('Paid')
  const heading = await page.getByRole('heading', { level: 1, name: /^Order #\d+$/ }).textContent()
  const orderNumber = (heading ?? '').replace('Order ', '')

  await page.goto(`${B}/orders/lookup`)
  await field(page, 'Order number').fill(orderNumber)
  await field(page, 'Email used for the order').fill(email)
  await page.getByRole('button', { name: 'Find my order' }).click()
  await expect(page.getByRole('heading', { level: 1, name: `Order ${orderNumber}` })).toBeVisible()
  await expect(page.getByTestId('order-status')).toHaveText('Paid')
})

test('sign-in rate limits count attempts made on both instances (the counters are in PostgreSQL)', async ({ page }) => {
  const email = `locked-${Date.now()}@example.com`
  const pairKeys = sql`starts_with(key, ${`pair:${email}|`})`
  // Five failures from one client, alternating instances: the (email, client) pair adds up across both.
  await page.context().setExtraHTTPHeaders({ 'x-forwarded-for': '10.9.0.1' })
  for (let attempt = 0; attempt < 5; attempt++) {
    await page.goto(`${attempt % 2 === 0 ? A : B}/login`)
    await field(page, 'Email').fill(email)
    await field(page, 'Password').fill('not-the-password-1')
    await submit(page, 'Log in')
    await expect(page.getByRole('alert').filter({ hasText: 'That email and password do not match an account.' })).toBeVisible()
  }
  const [attempts] = await sql<{ count: number }[]>`select count(*)::int as count from auth_attempts where action = 'login' and ${pairKeys}`
  expect(attempts?.count).toBe(5)
  const [lockout] = await sql<{ count: number }[]>`select count(*)::int as count from auth_lockouts where action = 'login' and ${pairKeys} and locked_until > now()`
  expect(lockout?.count).toBe(1)
  // The sixth, on either instance, is refused.
  for (const origin of [A, B]) {
    await page.goto(`${origin}/login`)
    await field(page, 'Email').fill(email)
    await field(page, 'Password').fill('not-the-password-1')
    await submit(page, 'Log in')
    await expect(page.getByRole('alert').filter({ hasText: 'Too many attempts' })).toBeVisible()
  }
})

test('background jobs are each claimed once when both instances run them at the same time', async ({ request }) => {
  const [order] = await sql<{ id: number }[]>`select id from orders order by id desc limit 1`
  if (!order) throw new Error('no order')
  const count = 40
  const inserted = await sql<{ id: number }[]>`
    insert into jobs (kind, payload)
    select 'mail.order-confirmation', jsonb_build_object('orderId', ${order.id}::int) from generate_series(1, ${count})
    returning id`
  const ids = inserted.map((row) => row.id)
  // Four concurrent runners per instance (each claims up to 20 jobs), through the cron route.
  const headers = { authorization: `Bearer ${process.env.INSTANCES_CRON_SECRET}` }
  const results = await Promise.all(
    [A, B, A, B, A, B, A, B].map(async (origin) => {
      const response = await request.get(`${origin}/api/cron/sweep-orders`, { headers })
      expect(response.status()).toBe(200)
      return { origin, ...((await response.json()) as { mailSent: number }) }
    }),
  )
  const rows = await sql<{ attempts: number; done: boolean }[]>`select attempts, done_at is not null as done from jobs where id in ${sql(ids)}`
  expect(rows.filter((row) => row.done)).toHaveLength(count)
  // A job claimed twice would show two attempts.
  expect(rows.every((row) => row.attempts === 1)).toBe(true)
  const sent = results.reduce((sum, result) => sum + result.mailSent, 0)
  expect(sent).toBe(count)
  const byInstance = { A: 0, B: 0 }
  for (const result of results) byInstance[result.origin === A ? 'A' : 'B'] += result.mailSent
  test.info().annotations.push({ type: 'jobs run', description: `A ran ${byInstance.A}, B ran ${byInstance.B}` })
  console.log(`[instances] ${count} jobs, each run once: A ran ${byInstance.A}, B ran ${byInstance.B}`)
})

test('a server without Redis on a database the build did not read serves that database, with its own origin', async ({ request }) => {
  // The build prerendered the home and category pages from its own demo database, without SITE_URL.
  const slug = (await html(request, `${A}/`)).match(/href="\/products\/([a-z0-9-]+)"/)?.[1] ?? ''
  const [product] = await sql<{ id: number; name: string; category: string }[]>`
    select p.id, p.name, c.slug as category from products p join categories c on c.id = p.category_id where p.slug = ${slug}`
  if (!product) throw new Error('no product on the home page')
  const renamed = `Renamed In This Database ${Date.now()}`
  await sql`update products set name = ${renamed} where id = ${product.id}`
  try {
    expect((await html(request, `${SINGLE}/`)).includes(renamed), 'the home page names the product as this database does').toBe(true)
    const categoryUrl = `${SINGLE}/category/${product.category}`
    expect((await html(request, categoryUrl)).includes(`<link rel="canonical" href="${categoryUrl}"/>`), 'the category page is canonical on this origin').toBe(true)
    expect(await html(request, `${SINGLE}/robots.txt`)).toContain(`Sitemap: ${SINGLE}/sitemap.xml`)
  } finally {
    await sql`update products set name = ${product.name} where id = ${product.id}`
  }
  const lines = readFileSync(path.join(process.env.INSTANCES_LOG_DIR ?? '', 'instance-single.log'), 'utf8').split('\n')
  expect(lines.filter((line) => line.includes('the build prerendered its pages from another database or site origin'))).toHaveLength(1)
})

test('with Redis killed mid-run, both instances still serve pages (rendered fresh), and say so once', async ({ request }) => {
  const [product] = await sql<{ slug: string; category: string }[]>`
    select p.slug, c.slug as category from products p join categories c on c.id = p.category_id where p.active order by p.id limit 1`
  const urls = ['/', `/products/${product?.slug}`, `/category/${product?.category}`, '/search?q=lamp']
  process.kill(Number(process.env.INSTANCES_REDIS_PID), 'SIGKILL')
  for (let round = 0; round < 3; round++) {
    for (const origin of [A, B]) {
      for (const url of urls) {
        const response = await request.get(origin + url)
        expect(response.status(), `${origin}${url} without Redis`).toBe(200)
      }
    }
  }
  for (const origin of [A, B]) {
    const health = await request.get(`${origin}/api/health`)
    expect(health.status()).toBe(503)
    expect(await health.json()).toEqual({ status: 'unavailable', reasons: ['redis unavailable'] })
  }
  for (const name of ['a', 'b']) {
    const lines = readFileSync(path.join(process.env.INSTANCES_LOG_DIR ?? '', `instance-${name}.log`), 'utf8').split('\n')
    const outage = lines.filter((line) => line.includes('Redis is unreachable'))
    expect(outage, `instance ${name} logs the outage once`).toHaveLength(1)
    expect(JSON.parse(outage[0] ?? '{}')).toMatchObject({ level: 'warn', component: 'cache' })
  }
})

test('instance A sends its traces to the OTLP collector: the request, its database queries and a background job', async ({ request }) => {
  // A job the runner cannot run (its payload names no order) fails at once, and still has its span.
  await sql`insert into jobs (kind, payload) values ('mail.order-shipped', '{}'::jsonb)`
  const query = `telemetry${Date.now()}`
  expect((await request.get(`${A}/search?q=${query}`)).status()).toBe(200)
  const cron = await request.get(`${A}/api/cron/sweep-orders`, { headers: { authorization: `Bearer ${process.env.INSTANCES_CRON_SECRET}` } })
  expect(cron.status()).toBe(200)
  const names = ['db.query', 'job mail.order-shipped', `/search?q=${query}`]
  const received = `${process.env.INSTANCES_OTLP}/received?${names.map((name) => `name=${encodeURIComponent(name)}`).join('&')}`
  await expect
    .poll(async () => ((await (await request.get(received)).json()) as { found: Record<string, boolean> }).found, { timeout: 15_000 })
    .toEqual(Object.fromEntries(names.map((name) => [name, true])))
})

test('a server whose OTLP collector refuses connections serves on', async ({ request }) => {
  // The single server exports every 200 ms to a port nobody listens on: two seconds of requests
  // span about ten failed exports.
  const started = Date.now()
  while (Date.now() - started < 2_000) {
    for (const url of ['/', '/search?q=lamp', '/api/health']) expect((await request.get(SINGLE + url)).status(), url).toBe(200)
  }
  const lines = readFileSync(path.join(process.env.INSTANCES_LOG_DIR ?? '', 'instance-single.log'), 'utf8')
  expect(lines).not.toMatch(/uncaught|unhandled/i)
})
