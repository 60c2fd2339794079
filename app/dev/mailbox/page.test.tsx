import { beforeEach, describe, expect, it, vi } from 'vitest'
import { createTestUser, expectForbidden, expectRedirect, outcomeOf, signInAs } from '@/lib/testing/auth'
import { sendMail } from '@/lib/mail/send'
import DevMailboxPage from './page'

// The outbox as `next start` serves it with DEV_MAILBOX=true (the e2e suite's setting).
vi.mock('@/lib/env', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/lib/env')>()),
  devMailboxEnabled: true,
  devMailboxNeedsAdmin: true,
}))

beforeEach(() => signInAs(null))

describe('/dev/mailbox in production', () => {
  it('sends an anonymous visitor to log in, refuses a shopper and shows the mail to an admin', async () => {
    const victim = await createTestUser()
    await sendMail(victim.email, { subject: 'Reset your password', text: 'https://shop.example/reset-password?token=secret', html: '' })

    expect(await expectRedirect(DevMailboxPage())).toBe('/login?callbackUrl=%2Fdev%2Fmailbox')
    signInAs(await createTestUser())
    await expectForbidden(DevMailboxPage())

    signInAs(await createTestUser({ role: 'admin' }))
    const shown = await outcomeOf(DevMailboxPage())
    expect(shown).toMatchObject({ kind: 'returned' })
  })

  it('needs an admin whenever NODE_ENV is production, even with DEV_MAILBOX=true', async () => {
    const real = await vi.importActual<typeof import('@/lib/env')>('@/lib/env')
    // Under test NODE_ENV is "test": the outbox is open, as in development.
    expect(real.devMailboxNeedsAdmin).toBe(false)
    vi.stubEnv('NODE_ENV', 'production')
    vi.stubEnv('DEV_MAILBOX', 'true')
    vi.resetModules()
    try {
      const production = await vi.importActual<typeof import('@/lib/env')>('@/lib/env')
      expect(production.devMailboxEnabled).toBe(true)
      expect(production.devMailboxNeedsAdmin).toBe(true)
    } finally {
      vi.unstubAllEnvs()
      vi.resetModules()
    }
  })
})
