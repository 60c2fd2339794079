import { afterEach, describe, expect, it, vi } from 'vitest'

afterEach(() => {
  vi.unstubAllEnvs()
  vi.resetModules()
  vi.restoreAllMocks()
})

async function startWith(environment: Record<string, string>) {
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
