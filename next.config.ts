import type { NextConfig } from 'next'

const nextConfig: NextConfig = {
  // The benchmark builds into its own folder so it never replaces the app's build.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  cacheComponents: true,
  // Off on purpose: with it, routes that render at request time send the layout shell first,
  // so an unknown product, category or a 403 could only answer 200 with the error page.
  partialPrefetching: false,
  // PGlite and postgres.js are Node libraries; keep them out of the server bundle.
  serverExternalPackages: ['@electric-sql/pglite', '@electric-sql/pglite-socket', 'postgres', '@node-rs/argon2', 'nodemailer'],
  poweredByHeader: false,
  // forbidden() and forbidden.tsx for the 403 a customer gets at /admin.
  // serverActions.bodySizeLimit: a 1 MB review or feedback message must reach the action and be
  // refused by its own validation with a message, not by the framework's 1 MB default with an error page.
  experimental: { authInterrupts: true, serverActions: { bodySizeLimit: '2mb' } },
  images: {
    // Seeded product artwork is SVG rendered by our own route handler.
    dangerouslyAllowSVG: true,
    contentDispositionType: 'inline',
    contentSecurityPolicy: "default-src 'self'; script-src 'none'; sandbox;",
  },
}

export default nextConfig
