// @ts-check
/**
 * The incremental cache handler (next.config `cacheHandler`): rendered pages and route handler
 * responses (the route cache). With REDIS_URL, entries live in Redis and are checked against the
 * tag revalidations every instance records there, so a page whose product changed on instance A
 * is rendered fresh on instance B's next request. Without it, this is Next's own file-system
 * cache, which skips the build's prerendered pages when they were made from another database or
 * origin than this server's (./build-pages.mjs).
 */
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { foreignBuildSource, recordBuildSource } from './build-pages.mjs'
import { entryKey, logOnce, markTagsRevalidated, sharedCacheUrl, tagState, withRedis } from './redis-store.mjs'

/** @typedef {import('next/dist/server/lib/incremental-cache').CacheHandlerContext} CacheHandlerContext */
/** @typedef {import('next/dist/server/lib/incremental-cache').CacheHandlerValue} CacheHandlerValue */

const MAX_TTL_SECONDS = 30 * 24 * 60 * 60
const CACHE_TAGS_HEADER = 'x-next-cache-tags'

/**
 * JSON that keeps the Buffers and Maps of a cached page (RSC payload, segment data).
 * @param {unknown} value
 * @returns {unknown}
 */
export function encode(value) {
  if (Buffer.isBuffer(value) || value instanceof Uint8Array) return { $buffer: Buffer.from(value).toString('base64') }
  if (value instanceof Map) return { $map: [...value].map(([key, item]) => [key, encode(item)]) }
  if (Array.isArray(value)) return value.map(encode)
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, encode(item)]))
  }
  return value
}

/**
 * @param {unknown} value
 * @returns {unknown}
 */
export function decode(value) {
  if (Array.isArray(value)) return value.map(decode)
  if (value && typeof value === 'object') {
    const record = /** @type {Record<string, unknown>} */ (value)
    if (typeof record.$buffer === 'string') return Buffer.from(record.$buffer, 'base64')
    if (Array.isArray(record.$map)) {
      return new Map(record.$map.map((pair) => [pair[0], decode(pair[1])]))
    }
    return Object.fromEntries(Object.entries(record).map(([key, item]) => [key, decode(item)]))
  }
  return value
}

/**
 * Tags an entry answers to: a page's or route's own tags travel in its headers, a fetch's in
 * the context Next passes.
 * @param {CacheHandlerValue} data
 * @param {{ tags?: string[], softTags?: string[] }} ctx
 */
function tagsOf(data, ctx) {
  const tags = [...(ctx.tags ?? []), ...(ctx.softTags ?? [])]
  const value = data.value
  if (value && 'headers' in value && value.headers) {
    const header = value.headers[CACHE_TAGS_HEADER]
    if (typeof header === 'string' && header) tags.push(...header.split(','))
  }
  return [...new Set(tags)]
}

class RedisIncrementalCache {
  /** @param {CacheHandlerContext} ctx */
  constructor(ctx) {
    // Entries are keyed by build, so a rolling deploy never serves one build's HTML (and its
    // script URLs) from another.
    this.prefix = `route-cache:${readBuildId(ctx.serverDistDir)}:`
  }

  /**
   * @param {string} key
   * @param {{ tags?: string[], softTags?: string[] }} ctx
   * @returns {Promise<CacheHandlerValue | null>}
   */
  async get(key, ctx) {
    const stored = await withRedis((redis) => redis.get(entryKey(this.prefix + key)), null)
    if (!stored) return null
    const data = /** @type {CacheHandlerValue} */ (decode(JSON.parse(stored)))
    const state = await tagState(tagsOf(data, ctx), data.lastModified)
    // A revalidated tag (or Redis not answering the question) means render again, blocking,
    // so the next response already shows the change.
    if (!state || state.expired || state.stale) return null
    return data
  }

  /**
   * @param {string} key
   * @param {CacheHandlerValue['value']} data
   * @param {{ cacheControl?: { revalidate?: number | false, expire?: number }, fetchCache?: boolean }} ctx
   */
  async set(key, data, ctx) {
    const cacheControl = ctx.fetchCache ? undefined : ctx.cacheControl
    const record = JSON.stringify(encode({ value: data, lastModified: Date.now(), cacheControl }))
    const expire = cacheControl?.expire
    const ttl = typeof expire === 'number' && expire > 0 ? Math.min(Math.ceil(expire), MAX_TTL_SECONDS) : MAX_TTL_SECONDS
    await withRedis((redis) => redis.set(entryKey(this.prefix + key), record, { expiration: { type: 'EX', value: ttl } }), null)
  }

  /**
   * @param {string | string[]} tags
   * @param {{ expire?: number }} [durations]
   */
  async revalidateTag(tags, durations) {
    await markTagsRevalidated(typeof tags === 'string' ? [tags] : tags, durations)
  }

  resetRequestCache() {}
}

/**
 * `compute` run once per build folder: Next constructs the cache handler for every request, and
 * what it reads from the build folder does not change while the process runs.
 * @template T
 * @param {(serverDistDir: string | undefined) => T} compute
 * @returns {(serverDistDir: string | undefined) => T}
 */
function oncePerBuildFolder(compute) {
  /** @type {Map<string | undefined, T>} */
  const results = new Map()
  return (serverDistDir) => {
    if (!results.has(serverDistDir)) results.set(serverDistDir, compute(serverDistDir))
    return /** @type {T} */ (results.get(serverDistDir))
  }
}

const readBuildId = oncePerBuildFolder((serverDistDir) => {
  if (!serverDistDir) return 'unknown'
  try {
    return readFileSync(path.join(serverDistDir, '..', 'BUILD_ID'), 'utf8').trim()
  } catch {
    return 'unknown'
  }
})

const serverStartedAt = Date.now()

/** Whether this server must render the build's pages again (they were made from another source). */
const skipsBuildPages = oncePerBuildFolder((serverDistDir) => {
  const foreign = foreignBuildSource(serverDistDir)
  if (foreign) {
    logOnce('build-pages', 'info', 'the build prerendered its pages from another database or site origin: each page is rendered again on its first visit', foreign)
  }
  return foreign !== null
})

function fileSystemCache() {
  const require = createRequire(import.meta.url)
  /** @type {typeof import('next/dist/server/lib/incremental-cache/file-system-cache').default} */
  const FileSystemCache = require('next/dist/server/lib/incremental-cache/file-system-cache').default
  return class BuildAwareFileSystemCache extends FileSystemCache {
    /** @param {CacheHandlerContext & { serverDistDir?: string }} ctx */
    constructor(ctx) {
      super(/** @type {never} */ (ctx))
      if (process.env.NEXT_PHASE === 'phase-production-build') {
        if (ctx.serverDistDir) recordBuildSource(ctx.serverDistDir)
        this.skipBuildPages = false
        return
      }
      this.skipBuildPages = skipsBuildPages(ctx.serverDistDir)
    }

    /** @param {Parameters<InstanceType<typeof FileSystemCache>['get']>} args */
    async get(...args) {
      const data = await super.get(...args)
      // Entries this process wrote are in memory and newer; older ones are the build's files.
      if (data && this.skipBuildPages && data.lastModified < serverStartedAt) return null
      return data
    }
  }
}

export default sharedCacheUrl() ? RedisIncrementalCache : fileSystemCache()
