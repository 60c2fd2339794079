import { afterEach, describe, expect, it, vi } from 'vitest'

afterEach(() => {
  vi.unstubAllEnvs()
  vi.resetModules()
  vi.restoreAllMocks()
})

async function startWith(environment: Record<string, string | undefined>) {
  for (const [key, value] of Object.entries(environment)) vi.stubEnv(key, value)
  const exit = vi.spyOn(process, 'exit').mockImplementation((() => undefined) as never)
  const error = vi.spyOn(console, 'error').mockImplementation(() => {})
  const { assertProductionConfig } = await import('./startup')
  assertProductionConfig()
  return { exit, error }
}

describe('startup configuration', () => {
  it('refuses to start with Stripe keys but no webhook secret, saying what to set', async () => {
    const { exit, error } = await startWith({ STRIPE_SECRET_KEY: 'sk_test_123', STRIPE_WEBHOOK_SECRET: '' })
    expect(exit).toHaveBeenCalledWith(1)
    expect(error).toHaveBeenCalledWith(expect.stringContaining('STRIPE_WEBHOOK_SECRET is not set'))
  })

  it('starts with both Stripe values, and with neither', async () => {
    expect((await startWith({ STRIPE_SECRET_KEY: 'sk_test_123', STRIPE_WEBHOOK_SECRET: 'whsec_abc' })).exit).not.toHaveBeenCalled()
    vi.resetModules()
    expect((await startWith({ STRIPE_SECRET_KEY: '', STRIPE_WEBHOOK_SECRET: '' })).exit).not.toHaveBeenCalled()
  })
})

describe('public origin in production', () => {
  const production = { NODE_ENV: 'production', AUTH_SECRET: 'a-production-secret-of-at-least-32-characters', NEXT_PHASE: undefined }

  it('refuses to start `next start` without SITE_URL, saying which variable to set', async () => {
    const { exit, error } = await startWith({ ...production, SITE_URL: undefined, VERCEL_PROJECT_PRODUCTION_URL: undefined, VERCEL_URL: undefined })
    expect(exit).toHaveBeenCalledWith(1)
    expect(error).toHaveBeenCalledWith(expect.stringContaining('SITE_URL is not set'))
  })

  it('starts with SITE_URL, and on Vercel with its production domain or deployment URL', async () => {
    for (const origin of [{ SITE_URL: 'https://shop.example.com' }, { VERCEL_PROJECT_PRODUCTION_URL: 'shop.example.com' }, { VERCEL_URL: 'shop-git-main.vercel.app' }]) {
      vi.resetModules()
      vi.unstubAllEnvs()
      const { exit } = await startWith({ ...production, SITE_URL: undefined, VERCEL_PROJECT_PRODUCTION_URL: undefined, VERCEL_URL: undefined, ...origin })
      expect(exit).not.toHaveBeenCalled()
    }
    const { siteUrl } = await import('./env')
    expect(siteUrl).toBe('https://shop-git-main.vercel.app')
  })

  it('lets `next build` run without it, like AUTH_SECRET', async () => {
    const { exit } = await startWith({
      NODE_ENV: 'production',
      NEXT_PHASE: 'phase-production-build',
      AUTH_SECRET: undefined,
      SITE_URL: undefined,
      VERCEL_PROJECT_PRODUCTION_URL: undefined,
      VERCEL_URL: undefined,
    })
    expect(exit).not.toHaveBeenCalled()
  })

  it('needs nothing outside production, where links point at localhost', async () => {
    const { exit } = await startWith({ NODE_ENV: 'development', SITE_URL: undefined, VERCEL_PROJECT_PRODUCTION_URL: undefined, VERCEL_URL: undefined })
    expect(exit).not.toHaveBeenCalled()
    const { siteUrl } = await import('./env')
    expect(siteUrl).toBe('http://localhost:3000')
  })
})
