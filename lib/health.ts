import 'server-only'
import { sql as defaultDatabase } from '@/db/client'
import { sharedCache } from './env'
import { pingRedis } from './redis'

export type HealthReport = { status: 'ok' } | { status: 'unavailable'; reasons: string[] }

type Probes = {
  /** Resolves when the database answers a query. */
  database: () => Promise<unknown>
  /** True when the shared cache answers; undefined when none is configured. */
  cache: (() => Promise<boolean>) | undefined
}

const TIMEOUT_MS = 2000

const defaultProbes = (): Probes => ({
  database: () => defaultDatabase`select 1`,
  cache: sharedCache.status === 'on' ? () => pingRedis(TIMEOUT_MS) : sharedCache.status === 'invalid' ? async () => false : undefined,
})

async function within<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  try {
    return await Promise.race([work, new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error('timeout')), ms)))])
  } finally {
    clearTimeout(timer)
  }
}

/**
 * Whether this instance can serve: the database answers, and Redis does when REDIS_URL is set.
 * Reasons are fixed sentences: never an error message, which could carry a host or password.
 */
export async function checkHealth(probes: Probes = defaultProbes()): Promise<HealthReport> {
  const [database, cache] = await Promise.all([
    within(probes.database(), TIMEOUT_MS).then(
      () => true,
      () => false,
    ),
    probes.cache ? within(probes.cache(), TIMEOUT_MS).catch(() => false) : Promise.resolve(true),
  ])
  const reasons: string[] = []
  if (!database) reasons.push('database unavailable')
  if (!cache) reasons.push(sharedCache.status === 'invalid' ? 'REDIS_URL is invalid' : 'redis unavailable')
  return reasons.length === 0 ? { status: 'ok' } : { status: 'unavailable', reasons }
}
