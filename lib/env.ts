import 'server-only'
import { randomBytes } from 'node:crypto'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { z } from 'zod'

/**
 * The one place that reads `process.env`. Every value has a default that makes
 * `npm run dev` work on a fresh clone with no configuration.
 */
const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  /** Postgres connection string. Unset: the embedded PGlite database under `.data/`. */
  DATABASE_URL: z
    .string()
    .trim()
    .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must start with postgres:// or postgresql://')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  /** Connections per server process; keep it small on serverless hosts. */
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(100).default(5),
  /** Where the embedded database keeps its files, and the local port its owner process serves it on. */
  PGLITE_DIR: z.string().default('.data/pglite'),
  PGLITE_PORT: z.coerce.number().int().min(1).max(65535).default(54329),
  /** Public origin of the shop, for links in mail, canonical URLs, the sitemap and Open Graph. Required in production off Vercel. */
  SITE_URL: z.url().optional(),
  /** Set by Vercel: the project's production domain, and this deployment's own host name. */
  VERCEL_PROJECT_PRODUCTION_URL: z.string().optional(),
  VERCEL_URL: z.string().optional(),
  /** Signs session cookies. Required in production; generated once into .data/ elsewhere. */
  AUTH_SECRET: z.string().min(32, 'AUTH_SECRET must be at least 32 characters').optional(),
  /** Trust the Host header behind a proxy (set automatically on Vercel). */
  AUTH_TRUST_HOST: z.stringbool().optional(),
  VERCEL: z.string().optional(),
  /**
   * How many proxies you run in front of `next start` that append the client's address to
   * X-Forwarded-For (nginx, Caddy, a load balancer). Unset or 0: forwarding headers are not
   * trusted (a client can write them), and without a proxy Next.js gives no socket address.
   */
  TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
  /** Optional OAuth sign-in: each provider switches on when both its values are set. */
  AUTH_GITHUB_ID: z.string().optional(),
  AUTH_GITHUB_SECRET: z.string().optional(),
  AUTH_GOOGLE_ID: z.string().optional(),
  AUTH_GOOGLE_SECRET: z.string().optional(),
  /** smtp(s)://user:pass@host:port — unset: mail goes to the development outbox at /dev/mailbox. */
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'SMTP_URL must start with smtp:// or smtps://')
    .optional(),
  MAIL_FROM: z.string().default('Northwind Goods <shop@localhost>'),
  /** Show the development outbox at /dev/mailbox. Default: everywhere except production. */
  DEV_MAILBOX: z.stringbool().optional(),
  NEXT_PHASE: z.string().optional(),
  /** How many demo products the first start (and `npm run db:seed`) creates. */
  SEED_PRODUCTS: z.coerce.number().int().min(0).max(1_000_000).default(200),
  /** Product images go to Vercel Blob when set; otherwise to UPLOAD_DIR on local disk. */
  BLOB_READ_WRITE_TOKEN: z.string().min(1).optional(),
  UPLOAD_DIR: z.string().default('.data/uploads'),
  /** Stripe secret key. Unset: checkout runs through the demo payment provider (outside production). */
  STRIPE_SECRET_KEY: z
    .string()
    .trim()
    .regex(/^(sk|rk)_(test|live)_/, 'STRIPE_SECRET_KEY must start with sk_test_, sk_live_, rk_test_ or rk_live_')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  /** Signing secret of the webhook endpoint (`whsec_…`); required whenever STRIPE_SECRET_KEY is set. */
  STRIPE_WEBHOOK_SECRET: z
    .string()
    .trim()
    .regex(/^whsec_/, 'STRIPE_WEBHOOK_SECRET must start with whsec_')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  /** Another Stripe API origin (a local fake in tests, stripe-mock). Unset: api.stripe.com. */
  STRIPE_API_URL: z.url().optional(),
  /** Allow the demo payment provider in production (it is always on without Stripe keys elsewhere). */
  DEMO_PAYMENTS: z.stringbool().optional(),
  /** How many days after delivery a shopper may ask to return items (lib/returns). */
  RETURN_WINDOW_DAYS: z.coerce.number().int().min(0).max(365).default(30),

  /** With Stripe keys: let Stripe Tax compute tax on the payment page (`automatic_tax`). Otherwise the tax-rate table applies. */
  STRIPE_TAX: z.stringbool().default(false),
  /** Prices (products and shipping) are entered including tax (VAT-style) rather than excluding it (US-style). */
  PRICES_INCLUDE_TAX: z.stringbool().default(false),
  /** `hosted`: Stripe's own Checkout page (a redirect); `embedded`: Embedded Checkout mounted on our /checkout page. */
  STRIPE_CHECKOUT_UI: z.enum(['hosted', 'embedded']).default('hosted'),
  /** Publishable key (`pk_…`) the browser mounts Embedded Checkout with; needed when STRIPE_CHECKOUT_UI=embedded. */
  STRIPE_PUBLISHABLE_KEY: z
    .string()
    .trim()
    .regex(/^pk_(test|live)_/, 'STRIPE_PUBLISHABLE_KEY must start with pk_test_ or pk_live_')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  /** How long a cart sits untouched before its one reminder email goes out (lib/cart-reminders). */
  CART_REMINDER_DELAY_HOURS: z.coerce.number().int().min(1).max(720).default(24),
  /** Bearer secret Vercel Cron sends to /api/cron/sweep-orders. */
  CRON_SECRET: z.string().min(16, 'CRON_SECRET must be at least 16 characters').optional(),
  /**
   * Redis or Valkey (`redis://` or `rediss://`) holding Next's caches for every instance. Unset: each
   * instance caches on its own. Checked by `sharedCache` below, not here: a malformed value must
   * not stop the shop (the cache handlers in cache-handlers/ apply the same rule).
   */
  REDIS_URL: z.string().trim().optional(),
  /** OTLP/HTTP collector for traces. Unset: no spans are exported. Malformed: ignored, like unset. */
  OTEL_EXPORTER_OTLP_ENDPOINT: z.url().optional().catch(undefined),
  OTEL_SERVICE_NAME: z.string().default('northwind-goods'),
})

export type Env = z.infer<typeof envSchema>

function parseEnv(): Env {
  const parsed = envSchema.safeParse(process.env)
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`)
    throw new Error(`Invalid environment configuration:\n  ${problems.join('\n  ')}`)
  }
  return parsed.data
}

export const env = parseEnv()

/** True while `next build` runs, when no request is served and no secret is needed. */
export const isBuildPhase = env.NEXT_PHASE === 'phase-production-build'

/**
 * The development secret lives beside the embedded database so the README's two commands need
 * no setup; production must set AUTH_SECRET (checked at startup in instrumentation.ts).
 */
function developmentAuthSecret() {
  const file = path.join(path.dirname(path.resolve(env.PGLITE_DIR)), 'auth-secret')
  try {
    return readFileSync(file, 'utf8').trim()
  } catch {
    mkdirSync(path.dirname(file), { recursive: true })
    try {
      writeFileSync(file, randomBytes(32).toString('base64url'), { flag: 'wx', mode: 0o600 })
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error // another process won the race
    }
    return readFileSync(file, 'utf8').trim()
  }
}

export const authSecret: string | undefined = env.AUTH_SECRET ?? (env.NODE_ENV === 'production' ? undefined : developmentAuthSecret())

export const devMailboxEnabled = env.DEV_MAILBOX ?? env.NODE_ENV !== 'production'

/** In production the outbox holds real people's reset links: only an admin may read it. */
export const devMailboxNeedsAdmin = env.NODE_ENV === 'production'

/** Which forwarding headers name the client (see lib/auth/request.ts). */
export const clientIpTrust: ClientIpTrust = { vercel: Boolean(env.VERCEL), proxyHops: env.TRUSTED_PROXY_HOPS }
export type ClientIpTrust = { vercel: boolean; proxyHops: number }

/**
 * The shop's public origin as configured: SITE_URL, else Vercel's production domain, else the
 * deployment's own URL. Production must have one (checked at startup in instrumentation.ts), or
 * links in mail would point at localhost; elsewhere, and while building, localhost stands in.
 */
export const configuredSiteUrl: string | undefined =
  env.SITE_URL ?? (env.VERCEL_PROJECT_PRODUCTION_URL ? `https://${env.VERCEL_PROJECT_PRODUCTION_URL}` : env.VERCEL_URL ? `https://${env.VERCEL_URL}` : undefined)

export const siteUrl = (configuredSiteUrl ?? 'http://localhost:3000').replace(/\/$/, '')

/**
 * Which payment provider checkout uses: Stripe when keys are set; otherwise the demo provider
 * (never silently in production, where it needs DEMO_PAYMENTS=true); otherwise none.
 */
export const paymentsMode: 'stripe' | 'demo' | 'disabled' = env.STRIPE_SECRET_KEY ? 'stripe' : env.NODE_ENV !== 'production' || env.DEMO_PAYMENTS ? 'demo' : 'disabled'

/** Who computes tax: Stripe Tax (Stripe keys and STRIPE_TAX=true), else the shop's tax-rate table. */
export const taxMode: 'stripe' | 'table' = paymentsMode === 'stripe' && env.STRIPE_TAX ? 'stripe' : 'table'
export const pricesIncludeTax = env.PRICES_INCLUDE_TAX

/** How Stripe Checkout is shown: a redirect to Stripe's page, or embedded in our /checkout page (Stripe only). */
export const checkoutUi: 'hosted' | 'embedded' = paymentsMode === 'stripe' && env.STRIPE_PUBLISHABLE_KEY ? env.STRIPE_CHECKOUT_UI : 'hosted'
export const stripePublishableKey = env.STRIPE_PUBLISHABLE_KEY ?? null

/**
 * The cache shared by all instances: `off` without REDIS_URL, `invalid` when it is set but not a
 * redis:// or rediss:// URL (the shop runs with per-instance caches and /api/health says so).
 */
export const sharedCache: { status: 'off' } | { status: 'invalid' } | { status: 'on'; url: string } = parseRedisUrl(env.REDIS_URL)

function parseRedisUrl(raw: string | undefined) {
  if (!raw) return { status: 'off' } as const
  try {
    const { protocol } = new URL(raw)
    if (protocol === 'redis:' || protocol === 'rediss:') return { status: 'on', url: raw } as const
  } catch {
    // reported as invalid below
  }
  return { status: 'invalid' } as const
}
