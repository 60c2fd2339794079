// @ts-check
/**
 * The Redis (or Valkey) connection shared by the two Next.js cache handlers in this folder.
 *
 * Next.js loads cache handlers with a plain `import()` of the file at runtime, outside the app
 * bundle and before any route module: they cannot import `lib/env.ts` (TypeScript, and guarded by
 * `server-only`). So this file reads REDIS_URL itself, with the same rule lib/env.ts applies
 * (`redis://` or `rediss://`; anything else means no shared cache).
 *
 * Every operation is bounded by a timeout and never throws: when Redis is unreachable the cache
 * reads as empty, pages are rendered fresh, and one warning is logged per outage.
 */
import { createClient } from 'redis'

const COMMAND_TIMEOUT_MS = 1000
const KEY_PREFIX = 'northwind:'
/** Tag revalidation timestamps (ms since the epoch), one hash field per tag. */
const TAGS_EXPIRED = `${KEY_PREFIX}tags:expired`
const TAGS_STALE = `${KEY_PREFIX}tags:stale`

/** The configured URL, or undefined when the shared cache is off (unset or malformed). */
export function sharedCacheUrl() {
  const raw = process.env.REDIS_URL?.trim()
  if (!raw) return undefined
  try {
    const url = new URL(raw)
    if (url.protocol === 'redis:' || url.protocol === 'rediss:') return raw
  } catch {
    // fall through: reported below
  }
  logOnce('config', 'error', 'REDIS_URL is not a redis:// or rediss:// URL; the shared cache is off and each instance caches on its own')
  return undefined
}

// Per process, not per module instance: Next may load this file more than once.
const reportedKey = Symbol.for('northwind.sharedCacheReported')
/** @type {{ [reportedKey]?: Record<string, boolean> }} */
const reportedStore = /** @type {never} */ (globalThis)
/** @type {Record<string, boolean>} */
const reported = (reportedStore[reportedKey] ??= {})

/**
 * One line per problem until it goes away. JSON in production, like lib/log.ts (which the
 * handlers cannot import).
 * @param {string} key
 * @param {'info' | 'warn' | 'error'} level
 * @param {string} message
 * @param {Record<string, unknown>} [fields]
 */
export function logOnce(key, level, message, fields = {}) {
  if (reported[key]) return
  reported[key] = true
  writeLog(level, message, fields)
}

/**
 * @param {'info' | 'warn' | 'error'} level
 * @param {string} message
 * @param {Record<string, unknown>} fields
 */
function writeLog(level, message, fields) {
  if (process.env.NODE_ENV === 'production') {
    process.stderr.write(`${JSON.stringify({ time: new Date().toISOString(), level, msg: message, component: 'cache', ...fields })}\n`)
  } else {
    console[level](`[cache] ${message}`, Object.keys(fields).length > 0 ? fields : '')
  }
}

/** @typedef {ReturnType<typeof createClient>} RedisClient */

const globalKey = Symbol.for('northwind.sharedCacheClient')
/** @type {{ [globalKey]?: RedisClient }} */
const globalStore = /** @type {never} */ (globalThis)

/** The process's one client, connecting in the background; undefined when misconfigured. */
function client() {
  const existing = globalStore[globalKey]
  if (existing) return existing
  const url = sharedCacheUrl()
  if (!url) return undefined
  let created
  try {
    created = createClient({
      url,
      // Fail commands at once while disconnected instead of queueing them behind a dead socket.
      disableOfflineQueue: true,
      socket: {
        connectTimeout: 2000,
        reconnectStrategy: (retries) => Math.min(100 * 2 ** retries, 5000),
      },
    })
  } catch (error) {
    logOnce('config', 'error', 'REDIS_URL could not be used; the shared cache is off', { error: describe(error) })
    return undefined
  }
  created.on('error', (error) => {
    logOnce('down', 'warn', 'Redis is unreachable: pages are rendered without the shared cache until it is back', {
      error: describe(error),
    })
  })
  created.on('ready', () => {
    if (reported.down) {
      reported.down = false
      writeLog('info', 'Redis is reachable again: the shared cache is back', {})
    }
  })
  created.connect().catch(() => {
    // Reported by the 'error' listener; the reconnect strategy keeps trying.
  })
  globalStore[globalKey] = created
  return created
}

/** @param {unknown} error */
function describe(error) {
  return error instanceof Error ? error.message : String(error)
}

/**
 * Runs one Redis operation, or gives `fallback` when Redis is off, down or slow.
 * @template T
 * @param {(redis: RedisClient) => Promise<T>} operation
 * @param {T} fallback
 * @returns {Promise<T>}
 */
export async function withRedis(operation, fallback) {
  const redis = client()
  if (!redis || !redis.isReady) return fallback
  /** @type {NodeJS.Timeout | undefined} */
  let timer
  try {
    return await Promise.race([
      operation(redis),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`Redis did not answer within ${COMMAND_TIMEOUT_MS} ms`)), COMMAND_TIMEOUT_MS)
      }),
    ])
  } catch (error) {
    logOnce('down', 'warn', 'Redis is unreachable: pages are rendered without the shared cache until it is back', {
      error: describe(error),
    })
    return fallback
  } finally {
    clearTimeout(timer)
  }
}

/** @param {string} key */
export function entryKey(key) {
  return `${KEY_PREFIX}${key}`
}

/**
 * Revalidation timestamps of these tags, shared by every instance.
 * @param {string[]} tags
 * @returns {Promise<{ expired: number[], stale: number[] } | undefined>} undefined when Redis is unavailable
 */
export async function readTagTimestamps(tags) {
  if (tags.length === 0) return { expired: [], stale: [] }
  return withRedis(async (redis) => {
    const [expired, stale] = await Promise.all([redis.hmGet(TAGS_EXPIRED, tags), redis.hmGet(TAGS_STALE, tags)])
    return { expired: expired.map(Number).map(orZero), stale: stale.map(Number).map(orZero) }
  }, undefined)
}

/** @param {number} value */
function orZero(value) {
  return Number.isFinite(value) ? value : 0
}

/**
 * Records a revalidation of these tags for every instance, as Next's own in-memory manifest does:
 * with durations the tags turn stale now and expire after `expire` seconds; without, they expire now.
 * @param {string[]} tags
 * @param {{ expire?: number }} [durations]
 */
export async function markTagsRevalidated(tags, durations) {
  if (tags.length === 0) return
  const now = Date.now()
  /** @type {Record<string, string>} */
  const expired = {}
  /** @type {Record<string, string>} */
  const stale = {}
  for (const tag of tags) {
    if (durations) {
      stale[tag] = String(now)
      if (durations.expire !== undefined) expired[tag] = String(now + durations.expire * 1000)
    } else {
      expired[tag] = String(now)
    }
  }
  const written = await withRedis(async (redis) => {
    const multi = redis.multi()
    if (Object.keys(expired).length > 0) multi.hSet(TAGS_EXPIRED, expired)
    if (Object.keys(stale).length > 0) multi.hSet(TAGS_STALE, stale)
    await multi.exec()
    return true
  }, false)
  if (!written && sharedCacheUrl()) {
    // Other instances keep their copies until those expire on their own: say so every time.
    writeLog('warn', 'Cache tags could not be invalidated in Redis; other instances may show old data until their entries expire', { tags })
  }
}

/**
 * True when an entry written at `timestamp` with these tags must not be served any more.
 * @param {string[]} tags
 * @param {number} timestamp
 * @returns {Promise<{ expired: boolean, stale: boolean } | undefined>} undefined when Redis is unavailable
 */
export async function tagState(tags, timestamp) {
  const stamps = await readTagTimestamps(tags)
  if (!stamps) return undefined
  const now = Date.now()
  return {
    expired: stamps.expired.some((at) => at > timestamp && at <= now),
    stale: stamps.stale.some((at) => at > timestamp),
  }
}

/** Answers PING, for the health check. */
export async function pingSharedCache() {
  return withRedis(async (redis) => (await redis.ping()) === 'PONG', false)
}
