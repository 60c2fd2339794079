import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { nodeFs } from 'next/dist/server/lib/node-fs-methods'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { foreignBuildSource, recordBuildSource } from './build-pages.mjs'

type RouteCacheHandler = {
  get(key: string, ctx: { kind: string; isRoutePPREnabled?: boolean }): Promise<{ lastModified: number; value: { html?: string } } | null>
  set(key: string, data: unknown, ctx: { cacheControl?: { revalidate: number | false } }): Promise<void>
}

const BUILD_ENV = { DATABASE_URL: 'postgres://postgres:build-secret@127.0.0.1:54329/postgres' }
const dirs: string[] = []

afterEach(() => {
  vi.unstubAllEnvs()
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
})

/** A build output holding one prerendered page written an hour ago, as `next build` leaves it. */
function buildOutput(page: string, html: string, recordedFrom: Record<string, string> | null) {
  const serverDistDir = path.join(mkdtempSync(path.join(tmpdir(), 'build-pages-')), 'server')
  dirs.push(path.dirname(serverDistDir))
  const app = path.join(serverDistDir, 'app')
  mkdirSync(app, { recursive: true })
  const hourAgo = new Date(Date.now() - 3_600_000)
  for (const [suffix, body] of [
    ['.html', html],
    ['.rsc', '0:{}'],
    ['.meta', JSON.stringify({ status: 200, headers: {} })],
  ] as const) {
    writeFileSync(path.join(app, `${page}${suffix}`), body)
    utimesSync(path.join(app, `${page}${suffix}`), hourAgo, hourAgo)
  }
  if (recordedFrom) recordBuildSource(serverDistDir, recordedFrom)
  return serverDistDir
}

/** The route cache of a server started with `env` (no REDIS_URL: Next's file-system cache). */
async function serverCache(serverDistDir: string, env: Record<string, string>) {
  vi.unstubAllEnvs()
  vi.stubEnv('REDIS_URL', '')
  vi.stubEnv('NEXT_PHASE', 'phase-production-server')
  vi.stubEnv('SITE_URL', '')
  for (const [name, value] of Object.entries(env)) vi.stubEnv(name, value)
  vi.resetModules()
  const RouteCache = (await import('./incremental.mjs')).default as unknown as new (ctx: object) => RouteCacheHandler
  return new RouteCache({ fs: nodeFs, serverDistDir, flushToDisk: false, maxMemoryCacheSize: 1_000_000, revalidatedTags: [] })
}

const page = { kind: 'APP_PAGE', isRoutePPREnabled: false }

describe('pages prerendered by the build', () => {
  it('are served by a server on the database and origin the build read', async () => {
    const dist = buildOutput('same-source', '<h1>Built catalog</h1>', { ...BUILD_ENV, SITE_URL: 'https://shop.example.com' })
    const cache = await serverCache(dist, { ...BUILD_ENV, SITE_URL: 'https://shop.example.com' })
    expect((await cache.get('/same-source', page))?.value.html).toBe('<h1>Built catalog</h1>')
  })

  it('are rendered again by a server on another database, then served from memory', async () => {
    const dist = buildOutput('other-database', '<h1>Demo catalog</h1>', BUILD_ENV)
    const cache = await serverCache(dist, { DATABASE_URL: 'postgres://shop:pw@db.internal:5432/shop' })
    expect(await cache.get('/other-database', page)).toBeNull()

    await cache.set('/other-database', { kind: 'APP_PAGE', html: '<h1>Merchant catalog</h1>', rscData: Buffer.from('0:{}'), headers: {}, status: 200 }, { cacheControl: { revalidate: 60 } })
    expect((await cache.get('/other-database', page))?.value.html).toBe('<h1>Merchant catalog</h1>')
  })

  it('are rendered again when the server knows another public origin than the build did', async () => {
    const dist = buildOutput('other-origin', '<link rel="canonical" href="http://localhost:3000/"/>', BUILD_ENV)
    const cache = await serverCache(dist, { ...BUILD_ENV, SITE_URL: 'https://shop.example.com' })
    expect(await cache.get('/other-origin', page)).toBeNull()
  })

  it('are served as they are when the build recorded nothing (an older build)', async () => {
    const dist = buildOutput('no-record', '<h1>Built catalog</h1>', null)
    const cache = await serverCache(dist, { DATABASE_URL: 'postgres://shop:pw@db.internal:5432/shop' })
    expect((await cache.get('/no-record', page))?.value.html).toBe('<h1>Built catalog</h1>')
  })
})

describe('foreignBuildSource', () => {
  it('compares host, port and database name, never the credentials', () => {
    const dist = buildOutput('credentials', '', BUILD_ENV)
    expect(foreignBuildSource(dist, { DATABASE_URL: 'postgres://other-user:rotated@127.0.0.1:54329/postgres' })).toBeNull()
    const foreign = foreignBuildSource(dist, { DATABASE_URL: 'postgres://postgres:build-secret@127.0.0.1:5432/shop' })
    expect(foreign).toEqual({ build: { database: '127.0.0.1:54329/postgres', origin: '' }, server: { database: '127.0.0.1:5432/shop', origin: '' } })
    expect(JSON.stringify(foreign)).not.toContain('build-secret')
  })
})
