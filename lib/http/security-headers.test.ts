import { describe, expect, it } from 'vitest'
import { contentSecurityPolicy, securityHeaders } from './security-headers'

function directives(policy: string) {
  return new Map(
    policy.split(';').map((part) => {
      const [name = '', ...values] = part.trim().split(/\s+/)
      return [name, values] as const
    }),
  )
}

function header(headers: { key: string; value: string }[], name: string) {
  return headers.find((entry) => entry.key.toLowerCase() === name.toLowerCase())?.value
}

describe('security headers', () => {
  it('forbid framing, plugins, <base> and foreign form targets in production', () => {
    const policy = directives(contentSecurityPolicy({ production: true }))
    expect(policy.get('frame-ancestors')).toEqual(["'none'"])
    expect(policy.get('object-src')).toEqual(["'none'"])
    expect(policy.get('base-uri')).toEqual(["'self'"])
    expect(policy.get('form-action')).toEqual(["'self'", 'https://checkout.stripe.com'])
    expect(policy.get('default-src')).toEqual(["'self'"])
  })

  it('allow no script source but our own origin and the inline scripts Next.js writes, and no eval in production', () => {
    const scripts = directives(contentSecurityPolicy({ production: true })).get('script-src')
    expect(scripts).toEqual(["'self'", "'unsafe-inline'"])
  })

  it('let development keep eval and the hot-reload websocket', () => {
    const policy = directives(contentSecurityPolicy({ production: false }))
    expect(policy.get('script-src')).toContain("'unsafe-eval'")
    expect(policy.get('connect-src')).toContain('ws:')
  })

  it('allow upload previews (blob:) and Vercel Blob images', () => {
    const images = directives(contentSecurityPolicy({ production: true })).get('img-src')
    expect(images).toEqual(expect.arrayContaining(["'self'", 'data:', 'blob:', 'https://*.public.blob.vercel-storage.com']))
  })

  it('send HSTS in production only, with the other headers everywhere', () => {
    const production = securityHeaders({ production: true })
    const development = securityHeaders({ production: false })
    expect(header(production, 'Strict-Transport-Security')).toMatch(/^max-age=\d{8,}/)
    expect(header(development, 'Strict-Transport-Security')).toBeUndefined()
    for (const headers of [production, development]) {
      expect(header(headers, 'X-Frame-Options')).toBe('DENY')
      expect(header(headers, 'X-Content-Type-Options')).toBe('nosniff')
      expect(header(headers, 'Referrer-Policy')).toBe('strict-origin-when-cross-origin')
      expect(header(headers, 'Permissions-Policy')).toContain('camera=()')
      expect(header(headers, 'Permissions-Policy')).toContain('payment=(self)')
    }
  })

  it('let Stripe.js, its frames and its API in on the embedded checkout page only', () => {
    const checkout = directives(contentSecurityPolicy({ production: true, embeddedCheckout: true }))
    expect(checkout.get('script-src')).toEqual(["'self'", "'unsafe-inline'", 'https://js.stripe.com'])
    expect(checkout.get('frame-src')).toEqual(['https://js.stripe.com', 'https://checkout.stripe.com'])
    expect(checkout.get('connect-src')).toEqual(["'self'", 'https://api.stripe.com', 'https://checkout.stripe.com'])
    expect(checkout.get('frame-ancestors')).toEqual(["'none'"])
    const elsewhere = directives(contentSecurityPolicy({ production: true }))
    expect(elsewhere.get('frame-src')).toEqual(["'none'"])
    expect(elsewhere.get('connect-src')).toEqual(["'self'"])
  })
})
