import { randomInt } from 'node:crypto'
import { type APIResponse, expect, type Page, test } from '@playwright/test'
import { demoAdmin, demoShopper, field, logIn, openMailboxAsAdmin, submit, uniqueEmail, useOwnClientIp } from './support'

/**
 * Accounts: registration, sign-in, sign-out, password reset through the development outbox,
 * the login gate of /account, the 403 of /admin, the proxy bypass header (CVE-2025-29927),
 * saved addresses and the login rate limit.
 *
 * Rate limits (lib/auth/rate-limit.ts) count per email and per client IP over 15 minutes, and
 * the e2e database keeps its counters between runs. Per project this file makes 1 registration,
 * 1 password-reset request and 6 failed sign-ins (1 in the journey, 5 in the rate-limit test),
 * so both projects together stay under the IP limits (register 10, login 20) in one run.
 * The two tests that fail on purpose also send their own X-Forwarded-For, which the suite's
 * server trusts as one proxy hop (TRUSTED_PROXY_HOPS=1 in playwright.config.ts), so their
 * failures count against an address of their own and reruns within
 * 15 minutes do not lock the whole suite out of signing in. Without that header the budget
 * above still holds for a single run.
 */

const wrongCredentials = 'That email and password do not match an account.'
const tooManyAttempts = /Too many attempts/

async function expectOnAccount(page: Page, name?: string) {
  await expect(page).toHaveURL(/\/account$/)
  await expect(page.getByRole('heading', { level: 1, name: 'Your account' })).toBeVisible()
  if (name) await expect(page.getByRole('region', { name: 'Signed in as' })).toContainText(`Hello, ${name}`)
}

/** Uses the account area's "Log out" button and checks the header offers "Log in" again. */
async function logOut(page: Page) {
  if (!new URL(page.url()).pathname.startsWith('/account')) await page.goto('/account')
  const nav = page.getByRole('navigation', { name: 'Account' })
  await nav.getByRole('button', { name: 'Log out' }).click()
  await expect(page).toHaveURL(/\/$/)
  // Signed out for real: the account area sends us to the login page.
  await page.goto('/account')
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Faccount$/)
}

test('register, log out and in, reset the password from the mailbox, and the old password and used link stop working', async ({ page, browser }, testInfo) => {
  test.slow() // the mailbox is read in a second browser context, signed in as the admin
  await useOwnClientIp(page)
  const email = uniqueEmail(testInfo, 'journey')
  const name = `E2E Journey ${testInfo.project.name}`
  const suffix = `${Date.now().toString(36)}${randomInt(1_000_000).toString(36)}`
  const oldPassword = `first-pass-${suffix}`
  const newPassword = `second-pass-${suffix}`
  let resetPath = ''

  await test.step('register', async () => {
    await page.goto('/login')
    await page.getByRole('link', { name: 'Create an account' }).click()
    await expect(page.getByRole('heading', { level: 1, name: 'Create your account' })).toBeVisible()
    await field(page, 'Name').fill(name)
    await field(page, 'Email').fill(email)
    await field(page, 'Password').fill(oldPassword)
    await page.getByRole('button', { name: 'Create account' }).click()
    await expectOnAccount(page, name)
    await expect(page.getByRole('region', { name: 'Signed in as' })).toContainText(email)
  })

  await test.step('log out, then log in with the same credentials', async () => {
    await logOut(page)
    await logIn(page, email, oldPassword)
    await expectOnAccount(page, name)
    await logOut(page)
  })

  await test.step('ask for a reset link', async () => {
    await page.goto('/login')
    await page.getByRole('link', { name: 'Forgot your password?' }).click()
    await expect(page.getByRole('heading', { level: 1, name: 'Reset your password' })).toBeVisible()
    await field(page, 'Email').fill(email)
    await submit(page, 'Send reset link')
    await expect(page.getByRole('main').getByRole('status')).toContainText(`If ${email} has an account`)
  })

  await test.step('open the newest reset mail in the development outbox', async () => {
    // In production (`next start`) the outbox is for admins only: a visitor is sent to log in.
    await page.goto('/dev/mailbox')
    await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fdev%2Fmailbox$/)
    const mailbox = await openMailboxAsAdmin(browser, testInfo)
    // Newest first: the first matching message is the newest one.
    const message = mailbox
      .getByRole('article')
      .filter({ hasText: `To ${email}` })
      .filter({ has: mailbox.getByRole('heading', { name: /Reset/ }) })
      .first()
    await expect(message).toBeVisible()
    const link = message.getByRole('link', { name: /\/reset-password\?token=/ })
    const href = await link.getAttribute('href')
    expect(href).toBeTruthy()
    // The mail links to the configured SITE_URL (http://localhost:3000 when unset): follow its
    // path on the server under test.
    const url = new URL(href ?? '')
    expect(url.pathname).toBe('/reset-password')
    expect(url.searchParams.get('token')).toMatch(/^[A-Za-z0-9_-]{43}$/)
    resetPath = `${url.pathname}${url.search}`
    await mailbox.context().close()
  })

  await test.step('choose a new password', async () => {
    await page.goto(resetPath)
    await expect(page.getByRole('heading', { level: 1, name: 'Choose a new password' })).toBeVisible()
    await field(page, 'New password').fill(newPassword)
    await field(page, 'Repeat the new password').fill(newPassword)
    await page.getByRole('button', { name: 'Save new password' }).click()
    await expect(page).toHaveURL(/\/login\?reset=1$/)
    await expect(page.getByRole('main').getByRole('status')).toHaveText('Your password is changed. Log in with the new one.')
  })

  await test.step('the new password works', async () => {
    await logIn(page, email, newPassword, { open: false })
    await expectOnAccount(page, name)
    await logOut(page)
  })

  await test.step('the old password does not', async () => {
    await logIn(page, email, oldPassword)
    await expect(page.getByRole('main').getByRole('alert')).toHaveText(wrongCredentials)
    await expect(page).toHaveURL(/\/login/)
  })

  await test.step('the reset link works only once', async () => {
    await page.goto(resetPath)
    await field(page, 'New password').fill(`third-pass-${suffix}`)
    await field(page, 'Repeat the new password').fill(`third-pass-${suffix}`)
    await submit(page, 'Save new password')
    await expect(page.getByRole('main').getByRole('alert')).toContainText('has expired or was already used')
    await expect(page).toHaveURL(/\/reset-password\?token=/)
  })
})

test('“Sign out of all other devices” ends the other session at once and keeps this one', async ({ page, browser }, testInfo) => {
  test.slow() // two browser contexts, two sign-ins
  await useOwnClientIp(page)
  const email = uniqueEmail(testInfo, 'devices')
  const password = `devices-pass-${Date.now().toString(36)}${randomInt(1_000_000).toString(36)}`
  await page.goto('/register')
  await field(page, 'Name').fill('E2E Devices')
  await field(page, 'Email').fill(email)
  await field(page, 'Password').fill(password)
  await page.getByRole('button', { name: 'Create account' }).click()
  await expectOnAccount(page)

  // The same account on a second device.
  const laptop = await browser.newContext({ baseURL: testInfo.project.use.baseURL })
  try {
    const laptopPage = await laptop.newPage()
    await logIn(laptopPage, email, password)
    await expectOnAccount(laptopPage)

    await page.goto('/account/profile')
    await page.getByRole('button', { name: 'Sign out of all other devices' }).click()
    await expect(page).toHaveURL(/\/account\/profile\?sessions=ended$/)
    await expect(page.getByRole('main').getByRole('status')).toHaveText('You are signed out on every other device.')
    // This device stays signed in…
    await page.goto('/account')
    await expectOnAccount(page)
    // …the other one is sent to log in with its old cookie still set.
    await laptopPage.goto('/account')
    await expect(laptopPage).toHaveURL(/\/login\?callbackUrl=%2Faccount$/)
  } finally {
    await laptop.close()
  }
})

test('registration errors keep what was typed, except the password', async ({ page }) => {
  const name = 'Typed Name Kept'
  await page.goto('/register')
  await field(page, 'Name').fill(name)
  await field(page, 'Email').fill('not-an-email')
  await field(page, 'Password').fill('nine-char') // 9 characters
  await submit(page, 'Create account')

  await expect(page.getByRole('main').getByRole('alert')).toHaveText('Please correct the highlighted fields.')
  const emailField = field(page, 'Email')
  const passwordField = field(page, 'Password')
  await expect(emailField).toHaveAttribute('aria-invalid', 'true')
  await expect(emailField).toHaveAccessibleDescription(/Enter a valid email address/)
  await expect(emailField).toHaveValue('not-an-email')
  await expect(passwordField).toHaveAttribute('aria-invalid', 'true')
  await expect(passwordField).toHaveAccessibleDescription(/Use at least 10 characters/)
  await expect(passwordField).toHaveValue('')
  await expect(field(page, 'Name')).toHaveValue(name)
  await expect(field(page, 'Name')).not.toHaveAttribute('aria-invalid', 'true')
  await expect(page).toHaveURL(/\/register/)
})

test('an anonymous visit to a profile page goes through the login and back', async ({ page }) => {
  await page.goto('/account/profile')
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Faccount%2Fprofile$/)
  await logIn(page, demoShopper.email, demoShopper.password, { open: false })
  await expect(page).toHaveURL(/\/account\/profile$/)
  await expect(page.getByRole('heading', { level: 1, name: 'Profile' })).toBeVisible()
  await expect(field(page, 'Name')).toHaveValue(demoShopper.name)
})

test('customers get a 403 on /admin, administrators get the dashboard', async ({ page }) => {
  await test.step('customer', async () => {
    await logIn(page, demoShopper.email, demoShopper.password)
    await expectOnAccount(page)
    const forbidden = await page.goto('/admin')
    expect(forbidden?.status()).toBe(403)
    await expect(page.getByRole('heading', { level: 1, name: 'You don’t have access to this page' })).toBeVisible()
    await expect(page.getByRole('heading', { name: 'Dashboard' })).toHaveCount(0)
    await logOut(page)
  })

  await test.step('administrator', async () => {
    await logIn(page, demoAdmin.email, demoAdmin.password)
    await expectOnAccount(page)
    await expect(page.getByRole('main').getByRole('link', { name: 'Open the merchant dashboard' })).toBeVisible()
    const response = await page.goto('/admin')
    expect(response?.status()).toBe(200)
    await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible()
    await expect(page.getByRole('main')).toContainText(`Signed in as ${demoAdmin.email}`)
  })
})

test('the x-middleware-subrequest header does not skip the login gate or the role check', async ({ page, request }) => {
  const bypassHeaders = ['proxy:proxy:proxy:proxy:proxy', 'middleware:middleware:middleware:middleware:middleware']

  /** Anything but a page: a redirect to /login, or a refusal. */
  async function expectKeptOut(response: APIResponse, path: string) {
    const status = response.status()
    expect([303, 307, 308, 401, 403, 404], `${path} answered ${status}`).toContain(status)
    if ([303, 307, 308].includes(status)) {
      const location = new URL(response.headers()['location'] ?? '', 'http://placeholder')
      expect(location.pathname).toBe('/login')
      expect(location.searchParams.get('callbackUrl')).toBe(path)
    }
    const body = await response.text()
    expect(body).not.toContain('Signed in as')
    expect(body).not.toContain('The merchant dashboard')
  }

  await test.step('without a session', async () => {
    for (const value of bypassHeaders) {
      for (const path of ['/admin', '/account']) {
        const response = await request.get(path, { headers: { 'x-middleware-subrequest': value }, maxRedirects: 0 })
        await expectKeptOut(response, path)
      }
    }
  })

  await test.step('as a signed-in customer', async () => {
    await logIn(page, demoShopper.email, demoShopper.password)
    await expectOnAccount(page)
    for (const value of bypassHeaders) {
      const response = await page.request.get('/admin', { headers: { 'x-middleware-subrequest': value }, maxRedirects: 0 })
      expect(response.status()).toBe(403)
      const body = await response.text()
      expect(body).toContain('You don’t have access to this page')
      expect(body).not.toContain('The merchant dashboard')
    }
  })
})

test('a customer adds addresses, changes the default and deletes one', async ({ page }, testInfo) => {
  const run = `${testInfo.project.name}-${Date.now().toString(36)}`
  const first = { fullName: `E2E Recipient ${run}`, line1: `1 First Street ${run}` }
  const second = { fullName: `E2E Recipient ${run}`, line1: `2 Second Avenue ${run}` }
  const addressCards = page
    .getByRole('main')
    .getByRole('listitem')
    .filter({ has: page.getByRole('button', { name: /^Delete address for / }) })
  const card = (address: { line1: string }) => page.getByRole('main').getByRole('listitem').filter({ hasText: address.line1 })
  const defaultBadge = (address: { line1: string }) => card(address).getByText('Default', { exact: true })
  const context = (address: { fullName: string; line1: string }) => `${address.fullName}, ${address.line1}`

  async function addAddress(address: { fullName: string; line1: string }, { makeDefault }: { makeDefault: boolean }) {
    await page.getByRole('link', { name: 'Add an address' }).click()
    await expect(page.getByRole('heading', { level: 1, name: 'Add an address' })).toBeVisible()
    await field(page, 'Full name').fill(address.fullName)
    await field(page, 'Street address').fill(address.line1)
    await field(page, 'Apartment, suite (optional)').fill('Suite 5')
    await field(page, 'City').fill('Portland')
    await field(page, 'State / region (optional)').fill('OR')
    await field(page, 'Postal code').fill('97201')
    await field(page, 'Country').selectOption({ label: 'United States' })
    await field(page, 'Phone (optional)').fill('+1 503 555 0100')
    if (makeDefault) await field(page, 'Use as my default address').check()
    await page.getByRole('button', { name: 'Save address' }).click()
    await expect(page).toHaveURL(/\/account\/addresses\?saved=1$/)
    await expect(page.getByRole('main').getByRole('status')).toHaveText('Address saved.')
    await expect(card(address)).toContainText('Portland, OR 97201')
    await expect(card(address)).toContainText('United States')
  }

  async function deleteAddress(address: { fullName: string; line1: string }) {
    await card(address)
      .getByRole('button', { name: `Delete address for ${context(address)}` })
      .click()
    await expect(card(address)).toHaveCount(0)
  }

  await page.goto('/login?callbackUrl=%2Faccount%2Faddresses')
  await logIn(page, demoShopper.email, demoShopper.password, { open: false })
  await expect(page).toHaveURL(/\/account\/addresses$/)
  await expect(page.getByRole('heading', { level: 1, name: 'Addresses' })).toBeVisible()

  try {
    await test.step('add an address as the default', async () => {
      await addAddress(first, { makeDefault: true })
      await expect(defaultBadge(first)).toBeVisible()
    })

    await test.step('add a second one and make it the default', async () => {
      await addAddress(second, { makeDefault: false })
      await expect(defaultBadge(second)).toHaveCount(0)
      await expect(defaultBadge(first)).toBeVisible()
      await card(second)
        .getByRole('button', { name: /^Make default/ })
        .click()
      await expect(defaultBadge(second)).toBeVisible()
      await expect(defaultBadge(first)).toHaveCount(0)
      await expect(card(first).getByRole('button', { name: /^Make default/ })).toBeVisible()
      // The default is listed first, and the overview shows it.
      await expect(addressCards.first()).toContainText(second.line1)
    })

    await test.step('delete the first one', async () => {
      await deleteAddress(first)
      await expect(card(second)).toHaveCount(1)
      await expect(defaultBadge(second)).toBeVisible()
      await page.getByRole('navigation', { name: 'Account' }).getByRole('link', { name: 'Overview' }).click()
      await expect(page.getByRole('region', { name: 'Default address' })).toContainText(second.line1)
      await page.getByRole('navigation', { name: 'Account' }).getByRole('link', { name: 'Addresses' }).click()
      await expect(card(first)).toHaveCount(0)
      await expect(card(second)).toHaveCount(1)
    })
  } finally {
    // Leave the demo shopper as we found it (also removes leftovers of an earlier failed attempt of this test).
    if (!page.isClosed()) {
      await page.goto('/account/addresses')
      const leftovers = page
        .getByRole('main')
        .getByRole('listitem')
        .filter({ hasText: `E2E Recipient ${testInfo.project.name}-` })
      for (let count = await leftovers.count(); count > 0; count = await leftovers.count()) {
        await leftovers
          .first()
          .getByRole('button', { name: /^Delete address for / })
          .click()
        await expect(leftovers).toHaveCount(count - 1)
      }
    }
  }
})

test('five wrong passwords lock the email out of signing in from that address', async ({ page }, testInfo) => {
  await useOwnClientIp(page)
  // An address with no account: failures count all the same, and nobody needs to register.
  const email = uniqueEmail(testInfo, 'locked')
  // A fresh form for each attempt, as a person retrying after reading the message would see.
  for (let attempt = 1; attempt <= 5; attempt++) {
    await logIn(page, email, `wrong-password-${attempt}`)
    await expect(page.getByRole('main').getByRole('alert'), `attempt ${attempt}`).toHaveText(wrongCredentials)
    await expect(field(page, 'Email')).toHaveValue(email)
  }
  await logIn(page, email, 'wrong-password-6')
  await expect(page.getByRole('main').getByRole('alert')).toHaveText(tooManyAttempts)
  await expect(page.getByRole('main').getByRole('alert')).toContainText('please wait 15 minutes')
  await expect(page).toHaveURL(/\/login/)
})
