import type { NextConfig } from 'next'

const nextConfig: NextConfig = {
  // The benchmark builds into its own folder so it never replaces the app's build.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  cacheComponents: true,
  // Off on purpose: with it, routes that render at request time send the layout shell first,
  // so an unknown product, category or a 403 could only answer 200 with the error page.
  partialPrefetching: false,
  // PGlite and postgres.js are Node libraries; keep them out of the server bundle. The artwork's
  // icon set (9 MB of JSON) is read by the server at run time, never bundled or sent to browsers.
  serverExternalPackages: ['@electric-sql/pglite', '@electric-sql/pglite-socket', 'postgres', '@node-rs/argon2', 'nodemailer', '@iconify-json/fluent-emoji-flat'],
  poweredByHeader: false,
  // forbidden() and forbidden.tsx for the 403 a customer gets at /admin.
  experimental: {
    authInterrupts: true,
    // Product photos (up to 4 × 5 MB) and CSV imports (up to 20 MB) are posted to server actions.
    // Above the 1 MB default also so a 1 MB review or feedback message reaches its action's own
    // validation and gets a message rather than the framework's error page.
    serverActions: { bodySizeLimit: '21mb' },
  },
  images: {
    // Seeded product artwork is SVG rendered by our own route handler.
    dangerouslyAllowSVG: true,
    contentDispositionType: 'inline',
    contentSecurityPolicy: "default-src 'self'; script-src 'none'; sandbox;",
  },
}

export default nextConfig
