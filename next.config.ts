import path from 'node:path'
import type { NextConfig } from 'next'
import { securityHeaders } from './lib/http/security-headers'

const nextConfig: NextConfig = {
  // The benchmark builds into its own folder so it never replaces the app's build.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  cacheComponents: true,
  // Self-hosting: the Docker image runs `node .next/standalone/server.js` (README, Dockerfile).
  output: 'standalone',
  // With REDIS_URL, Next's caches live in Redis/Valkey so every instance sees the same entries and
  // tag revalidations; without it these are Next's own in-memory and file-system handlers.
  cacheHandler: path.resolve('cache-handlers/incremental.mjs'),
  cacheHandlers: { default: path.resolve('cache-handlers/use-cache.mjs') },
  // Off on purpose: with it, routes that render at request time send the layout shell first,
  // so an unknown product, category or a 403 could only answer 200 with the error page.
  partialPrefetching: false,
  // PGlite and postgres.js are Node libraries; keep them out of the server bundle. The artwork's
  // icon set (9 MB of JSON) is read by the server at run time, never bundled or sent to browsers.
  serverExternalPackages: ['@electric-sql/pglite', '@electric-sql/pglite-socket', 'postgres', '@node-rs/argon2', 'nodemailer', 'redis', '@iconify-json/fluent-emoji-flat'],
  // `npm run dev` allows localhost only; a laptop's shop opened as http://127.0.0.1:3000 would
  // otherwise have its dev scripts and HMR refused, and its pages never hydrate.
  allowedDevOrigins: ['127.0.0.1'],
  // proxy.ts sees the router's own headers (Next-Router-State-Tree, Next-Router-Prefetch), which
  // Next otherwise strips before the proxy runs: a listing's action must reach the route the
  // browser's page came from (lib/catalog/listing-route.ts). The proxy ignores `_rsc`, the one
  // query parameter this leaves in its URLs.
  skipProxyUrlNormalize: true,
  poweredByHeader: false,
  // Next gzips every response itself, half of the CPU of serving a cached listing (README,
  // Performance). Behind a proxy that compresses (compose.yaml's Caddy), NEXT_COMPRESS=false at
  // build time leaves that to the proxy. Read when the config loads: at `next start`, or baked
  // into the standalone server by `next build`.
  compress: process.env.NEXT_COMPRESS !== 'false',
  // An ETag costs a hash of every HTML body in JavaScript on every response: 6% of the server's CPU
  // under the benchmark, more than a millisecond per cached listing page. Browsers revalidate our
  // pages by their cache lifetimes; a CDN in front computes its own validators.
  generateEtags: false,
  // One place for the security headers of every response (lib/http/security-headers.ts).
  async headers() {
    const production = process.env.NODE_ENV === 'production'
    // The later rule wins for /checkout, the one page that mounts Stripe's Embedded Checkout.
    // '/(.*)' and not '/:path*': with a named parameter Next compiles every header value holding a
    // ':' (the policy) as a path template on every request, 5% of a cached page's CPU.
    return [
      { source: '/(.*)', headers: securityHeaders({ production }) },
      { source: '/checkout', headers: securityHeaders({ production, embeddedCheckout: true }) },
    ]
  },
  // forbidden() and forbidden.tsx for the 403 a customer gets at /admin.
  experimental: {
    authInterrupts: true,
    // Product photos (up to 4 × 5 MB) and CSV imports (up to 20 MB) are posted to server actions.
    // Above the 1 MB default also so a 1 MB review or feedback message reaches its action's own
    // validation and gets a message rather than the framework's error page.
    serverActions: { bodySizeLimit: '21mb' },
    // proxy.ts sees every page request and buffers its body; at the 10 MB default a larger upload
    // would reach its action cut short.
    proxyClientMaxBodySize: '21mb',
    // Pages rendered after the build (a product's first visit, and every made-up /products/<slug>
    // or /category/<slug> answering 404) are kept in the in-memory cache, bounded by
    // cacheMaxMemorySize (50 MB, least recently used out), not written to .next/ for ever.
    // The pages prerendered by the build are still read from disk.
    isrFlushToDisk: false,
  },
  images: {
    // Seeded product artwork is SVG rendered by our own route handler.
    dangerouslyAllowSVG: true,
    contentDispositionType: 'inline',
    contentSecurityPolicy: "default-src 'self'; script-src 'none'; sandbox;",
  },
}

export default nextConfig
