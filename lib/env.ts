import 'server-only'
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
  /** Public origin of the shop, for canonical URLs, the sitemap and Open Graph. */
  SITE_URL: z.url().optional(),
  VERCEL_PROJECT_PRODUCTION_URL: z.string().optional(),
  /** How many demo products the first start (and `npm run db:seed`) creates. */
  SEED_PRODUCTS: z.coerce.number().int().min(0).max(1_000_000).default(200),
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

export const siteUrl = (
  env.SITE_URL ??
  (env.VERCEL_PROJECT_PRODUCTION_URL ? `https://${env.VERCEL_PROJECT_PRODUCTION_URL}` : 'http://localhost:3000')
).replace(/\/$/, '')
