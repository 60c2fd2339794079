/**
 * The response headers every route sends, applied once in next.config.ts `headers()`.
 *
 * The policy is static on purpose: a nonce would have to be minted per request, which would
 * render every catalog page per request. So scripts are limited to our own origin plus the
 * inline scripts Next.js writes into each page ('unsafe-inline'), and everything an injected
 * script could use to do harm elsewhere is closed: no framing, no plugins, no <base> rewrite,
 * forms post only to us (and to Stripe Checkout, where a no-JavaScript checkout redirects).
 *
 * No `server-only` here: next.config.ts loads this file outside the bundler.
 */

/** Product images uploaded to Vercel Blob are shown unoptimised in the admin image list. */
export const vercelBlobImages = 'https://*.public.blob.vercel-storage.com'
export const stripeCheckout = 'https://checkout.stripe.com'

/** Embedded Checkout: Stripe.js and the frames it mounts, allowed on /checkout only. */
export const stripeJs = 'https://js.stripe.com'
export const stripeApi = 'https://api.stripe.com'

export type SecurityHeaderOptions = {
  /** `next dev` needs eval (React's debugging) and a websocket (hot reload); production does not. */
  production: boolean
  /** The /checkout page, where Stripe's Embedded Checkout runs: Stripe.js, its frames and its API. */
  embeddedCheckout?: boolean
}

export function contentSecurityPolicy({ production, embeddedCheckout = false }: SecurityHeaderOptions) {
  const stripe = (...origins: string[]) => (embeddedCheckout ? origins : [])
  const directives: Record<string, string[]> = {
    'default-src': ["'self'"],
    'script-src': ["'self'", "'unsafe-inline'", ...(production ? [] : ["'unsafe-eval'"]), ...stripe(stripeJs)],
    // React renders style attributes (rating bars, indentation) into the HTML.
    'style-src': ["'self'", "'unsafe-inline'"],
    // data: for inline SVG icons, blob: for the admin's upload previews (URL.createObjectURL).
    'img-src': ["'self'", 'data:', 'blob:', vercelBlobImages, ...stripe('https://*.stripe.com')],
    'font-src': ["'self'"],
    'connect-src': ["'self'", ...(production ? [] : ['ws:', 'wss:']), ...stripe(stripeApi, stripeCheckout)],
    'frame-src': embeddedCheckout ? [stripeJs, stripeCheckout] : ["'none'"],
    'frame-ancestors': ["'none'"],
    'object-src': ["'none'"],
    'base-uri': ["'self'"],
    'form-action': ["'self'", stripeCheckout],
  }
  return Object.entries(directives)
    .map(([name, values]) => `${name} ${values.join(' ')}`)
    .join('; ')
}

export function securityHeaders(options: SecurityHeaderOptions): { key: string; value: string }[] {
  const headers = [
    { key: 'Content-Security-Policy', value: contentSecurityPolicy(options) },
    // For browsers that predate frame-ancestors.
    { key: 'X-Frame-Options', value: 'DENY' },
    { key: 'X-Content-Type-Options', value: 'nosniff' },
    { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
    { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), usb=(), browsing-topics=(), payment=(self)' },
  ]
  // Browsers ignore HSTS received over plain http, so `next start` on http://localhost is unaffected;
  // in development it is left out so a developer's browser never pins localhost to https.
  if (options.production) headers.push({ key: 'Strict-Transport-Security', value: 'max-age=63072000; includeSubDomains' })
  return headers
}
