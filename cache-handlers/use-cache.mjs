// @ts-check
/**
 * The `'use cache'` handler (next.config `cacheHandlers.default`). With REDIS_URL, entries and tag
 * revalidations live in Redis, so every instance serves the same entry and an `updateTag` or
 * `revalidateTag` on one instance counts on all of them at once. Without it, this is Next's own
 * in-memory handler, unchanged.
 *
 * Implements the documented interface (`get`, `set`, `refreshTags`, `getExpiration`,
 * `updateTags`; see next/dist/server/lib/cache-handlers/types.d.ts) on node-redis.
 */
import { createRequire } from 'node:module'
import { entryKey, markTagsRevalidated, readTagTimestamps, sharedCacheUrl, tagState, withRedis } from './redis-store.mjs'

/** @typedef {import('next/dist/server/lib/cache-handlers/types').CacheHandler} CacheHandler */
/** @typedef {import('next/dist/server/lib/cache-handlers/types').CacheEntry} CacheEntry */

/** Longest an entry is kept when its `expire` is "never" (cacheLife('max') and friends). */
const MAX_TTL_SECONDS = 30 * 24 * 60 * 60

/** @param {ReadableStream<Uint8Array>} stream */
async function readAll(stream) {
  const chunks = []
  const reader = stream.getReader()
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    chunks.push(value)
  }
  return Buffer.concat(chunks)
}

/** @param {Buffer} bytes */
function streamOf(bytes) {
  return new ReadableStream({
    start(controller) {
      controller.enqueue(new Uint8Array(bytes))
      controller.close()
    },
  })
}

/** @returns {CacheHandler} */
function createRedisCacheHandler() {
  /** Sets still being written by this process: a `get` for the same key waits for them. */
  /** @type {Map<string, Promise<void>>} */
  const pendingSets = new Map()

  return {
    async get(cacheKey) {
      await pendingSets.get(cacheKey)
      const stored = await withRedis((redis) => redis.get(entryKey(`use-cache:${cacheKey}`)), null)
      if (!stored) return undefined
      /** @type {Omit<CacheEntry, 'value'> & { value: string }} */
      const entry = JSON.parse(stored)
      // Like Next's production in-memory handler: past `revalidate` is a miss, not a stale hit.
      if (Date.now() > entry.timestamp + entry.revalidate * 1000) return undefined
      const tags = await tagState(entry.tags, entry.timestamp)
      // Without Redis answering we cannot know whether a tag moved on: render fresh.
      if (!tags || tags.expired) return undefined
      return {
        ...entry,
        revalidate: tags.stale ? -1 : entry.revalidate,
        value: streamOf(Buffer.from(entry.value, 'base64')),
      }
    },

    async set(cacheKey, pendingEntry) {
      /** @type {() => void} */
      let done = () => {}
      pendingSets.set(cacheKey, new Promise((resolve) => (done = resolve)))
      try {
        const entry = await pendingEntry
        const bytes = await readAll(entry.value)
        // An `expire: 0` entry is dynamic: Next regenerates it on every read, so it is never served.
        if (entry.expire === 0) return
        const ttl = Math.max(1, Math.min(Math.ceil(entry.expire), MAX_TTL_SECONDS))
        const { value: _value, ...metadata } = entry
        const record = JSON.stringify({ ...metadata, value: bytes.toString('base64') })
        await withRedis((redis) => redis.set(entryKey(`use-cache:${cacheKey}`), record, { expiration: { type: 'EX', value: ttl } }), null)
      } catch {
        // A render that failed part-way leaves nothing behind; the next read renders again.
      } finally {
        done()
        pendingSets.delete(cacheKey)
      }
    },

    async refreshTags() {
      // Tags are read from Redis when an entry or soft tag is checked: nothing to preload.
    },

    async getExpiration(tags) {
      const stamps = await readTagTimestamps(tags)
      // Redis unavailable: every entry misses in `get` anyway.
      if (!stamps) return 0
      return Math.max(0, ...stamps.expired)
    },

    async updateTags(tags, durations) {
      await markTagsRevalidated(tags, durations)
    },
  }
}

/** @returns {CacheHandler} */
function createDefaultHandler() {
  const require = createRequire(import.meta.url)
  /** @type {{ createDefaultCacheHandler: (maxSize: number) => CacheHandler }} */
  const nextDefault = require('next/dist/server/lib/cache-handlers/default')
  // Next's own default size (cacheMaxMemorySize, 50 MB).
  return nextDefault.createDefaultCacheHandler(50 * 1024 * 1024)
}

const handler = sharedCacheUrl() ? createRedisCacheHandler() : createDefaultHandler()
export default handler
