import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { createServer } from 'node:net'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

type CacheEntry = {
  value: ReadableStream<Uint8Array>
  tags: string[]
  stale: number
  timestamp: number
  expire: number
  revalidate: number
}
type UseCacheHandler = {
  get(key: string, softTags: string[]): Promise<CacheEntry | undefined>
  set(key: string, entry: Promise<CacheEntry>): Promise<void>
  getExpiration(tags: string[]): Promise<number>
  updateTags(tags: string[], durations?: { expire?: number }): Promise<void>
}
type RouteCacheHandler = {
  get(key: string, ctx: { kind: string; tags?: string[]; softTags?: string[] }): Promise<{ lastModified: number; value: unknown } | null>
  set(key: string, data: unknown, ctx: { cacheControl?: { revalidate: number | false; expire?: number } }): Promise<void>
  revalidateTag(tags: string | string[], durations?: { expire?: number }): Promise<void>
}

async function freePort() {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  await new Promise((resolve) => server.close(resolve))
  if (!address || typeof address === 'string') throw new Error('no port')
  return address.port
}

/** One server instance's handlers: a fresh import, as each `next start` process loads them. */
async function instance() {
  vi.resetModules()
  const useCache = (await import('./use-cache.mjs')).default as unknown as UseCacheHandler
  const RouteCache = (await import('./incremental.mjs')).default as unknown as new (ctx: object) => RouteCacheHandler
  return { useCache, routeCache: new RouteCache({ serverDistDir: '/nonexistent/.next/server', revalidatedTags: [] }) }
}

function entry(text: string, tags: string[], timestamp = Date.now()): CacheEntry {
  const bytes = new TextEncoder().encode(text)
  return {
    value: new ReadableStream({
      start(controller) {
        controller.enqueue(bytes)
        controller.close()
      },
    }),
    tags,
    stale: 300,
    timestamp,
    expire: 3600,
    revalidate: 900,
  }
}

async function text(found: CacheEntry | undefined) {
  return found ? new Response(found.value).text() : undefined
}

const hasRedis = spawnSync('redis-server', ['--version']).status === 0

describe.skipIf(!hasRedis)('shared cache handlers on Redis (two instances)', () => {
  let redis: ChildProcess
  let port: number

  beforeAll(async () => {
    port = await freePort()
    redis = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' })
    vi.stubEnv('REDIS_URL', `redis://127.0.0.1:${port}`)
    vi.stubEnv('NODE_ENV', 'test')
    const { useCache } = await instance()
    // Wait for the connection: until then the cache reads as empty by design.
    for (let attempt = 0; attempt < 50; attempt++) {
      await useCache.set('probe', Promise.resolve(entry('probe', [])))
      if (await useCache.get('probe', [])) return
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
    throw new Error('redis-server did not come up')
  })

  afterAll(() => {
    redis.kill()
    vi.unstubAllEnvs()
  })

  it("serves a 'use cache' entry written by instance A from instance B", async () => {
    const a = await instance()
    const b = await instance()
    await a.useCache.set('product:lamp', Promise.resolve(entry('Lamp $25.00', ['catalog', 'catalog:product:lamp'])))
    const found = await b.useCache.get('product:lamp', [])
    expect(await text(found)).toBe('Lamp $25.00')
    expect(found?.tags).toEqual(['catalog', 'catalog:product:lamp'])
  })

  it('a tag updated on B is a miss on A at once, and other tags are untouched', async () => {
    const a = await instance()
    const b = await instance()
    const before = Date.now() - 1000
    await a.useCache.set('product:chair', Promise.resolve(entry('Chair $80.00', ['catalog:product:chair'], before)))
    await a.useCache.set('product:desk', Promise.resolve(entry('Desk $200.00', ['catalog:product:desk'], before)))
    await b.useCache.updateTags(['catalog:product:chair'])
    expect(await a.useCache.get('product:chair', [])).toBeUndefined()
    expect(await text(await a.useCache.get('product:desk', []))).toBe('Desk $200.00')
    // Soft tags (paths) go through getExpiration: A sees B's timestamp.
    expect(await a.useCache.getExpiration(['catalog:product:chair', 'never-revalidated'])).toBeGreaterThan(before)
    expect(await a.useCache.getExpiration(['never-revalidated'])).toBe(0)
  })

  it('revalidateTag(tag, { expire: 0 }) on B makes a page cached by A render again, keeping binary parts intact', async () => {
    const a = await instance()
    const b = await instance()
    const page = (slug: string) => ({
      kind: 'APP_PAGE',
      html: `<h1>${slug}</h1>`,
      rscData: Buffer.from([0, 1, 2, 255]),
      status: 200,
      postponed: undefined,
      headers: { 'x-next-cache-tags': `_N_T_/products/${slug},catalog:product:${slug}` },
      segmentData: new Map([['/_tree', Buffer.from('tree')]]),
    })
    await a.routeCache.set('/products/kettle', page('kettle'), { cacheControl: { revalidate: false } })
    await a.routeCache.set('/products/mug', page('mug'), { cacheControl: { revalidate: false } })
    const cached = await b.routeCache.get('/products/kettle', { kind: 'APP_PAGE' })
    expect(cached?.value).toEqual(page('kettle'))

    await new Promise((resolve) => setTimeout(resolve, 5))
    await b.routeCache.revalidateTag(['catalog:product:kettle'], { expire: 0 })
    expect(await a.routeCache.get('/products/kettle', { kind: 'APP_PAGE' })).toBeNull()
    expect(await a.routeCache.get('/products/mug', { kind: 'APP_PAGE' })).not.toBeNull()
    // A path revalidation reaches a page through its soft tags.
    await b.routeCache.revalidateTag('_N_T_/products/mug')
    expect(await a.routeCache.get('/products/mug', { kind: 'APP_PAGE', softTags: ['_N_T_/products/mug'] })).toBeNull()
  })

  it('with Redis gone, reads miss and writes are dropped without throwing, quickly', async () => {
    const a = await instance()
    await a.useCache.set('product:sofa', Promise.resolve(entry('Sofa', ['catalog:product:sofa'])))
    const errors = vi.spyOn(console, 'warn').mockImplementation(() => {})
    redis.kill('SIGKILL')
    await new Promise((resolve) => setTimeout(resolve, 200))
    const started = Date.now()
    expect(await a.useCache.get('product:sofa', [])).toBeUndefined()
    await a.useCache.set('product:sofa', Promise.resolve(entry('Sofa', ['catalog:product:sofa'])))
    await a.useCache.updateTags(['catalog:product:sofa'])
    expect(await a.useCache.getExpiration(['catalog:product:sofa'])).toBe(0)
    expect(await a.routeCache.get('/products/sofa', { kind: 'APP_PAGE' })).toBeNull()
    await a.routeCache.revalidateTag(['catalog'])
    expect(Date.now() - started).toBeLessThan(3000)
    expect(errors).toHaveBeenCalled()
    errors.mockRestore()
  })
})

describe('without REDIS_URL', () => {
  it("uses Next's own handlers, so a single server behaves as before", async () => {
    vi.stubEnv('REDIS_URL', '')
    const { useCache, routeCache } = await instance()
    // Next's file-system cache (build-pages.test.ts covers what the subclass adds).
    expect(Object.getPrototypeOf(routeCache.constructor).name).toBe('FileSystemCache')
    // The in-memory 'use cache' handler of this process.
    await useCache.set('product:lamp', Promise.resolve(entry('Lamp, in memory', ['catalog'])))
    expect(await text(await useCache.get('product:lamp', []))).toBe('Lamp, in memory')
    vi.unstubAllEnvs()
  })
})
