import { spawn, type ChildProcess, spawnSync } from 'node:child_process'
import { createServer } from 'node:net'
import postgres from 'postgres'
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest'

afterEach(() => {
  vi.unstubAllEnvs()
  vi.doUnmock('@/db/client')
  vi.resetModules()
})

/** A local port nothing listens on: connections to it are refused, as when a server is down. */
async function closedPort() {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  await new Promise((resolve) => server.close(resolve))
  if (!address || typeof address === 'string') throw new Error('no port')
  return address.port
}

async function health() {
  const { GET } = await import('./route')
  const response = await GET()
  return { status: response.status, cacheControl: response.headers.get('cache-control'), text: await response.text() }
}

describe('GET /api/health', () => {
  it('answers 200 {status:"ok"} with no-store while the database answers', async () => {
    const result = await health()
    expect(result.status).toBe(200)
    expect(JSON.parse(result.text)).toEqual({ status: 'ok' })
    expect(result.cacheControl).toBe('no-store')
  })

  it('answers 503 with a short reason and nothing secret when the database is down', async () => {
    const port = await closedPort()
    const secretUrl = `postgres://shop:hunter2-secret@127.0.0.1:${port}/shop`
    const deadDatabase = postgres(secretUrl, { max: 1, connect_timeout: 2, onnotice: () => {} })
    vi.doMock('@/db/client', () => ({ sql: deadDatabase }))
    const result = await health()
    expect(result.status).toBe(503)
    expect(JSON.parse(result.text)).toEqual({ status: 'unavailable', reasons: ['database unavailable'] })
    expect(result.cacheControl).toBe('no-store')
    expect(result.text).not.toMatch(/hunter2|ECONNREFUSED|at .*\.ts/)
    await deadDatabase.end()
  })

  it('answers 503 when REDIS_URL is set and Redis does not answer, within the time budget', async () => {
    vi.stubEnv('REDIS_URL', `redis://:redis-secret@127.0.0.1:${await closedPort()}`)
    const started = Date.now()
    const result = await health()
    expect(Date.now() - started).toBeLessThan(5000)
    expect(result.status).toBe(503)
    expect(JSON.parse(result.text)).toEqual({ status: 'unavailable', reasons: ['redis unavailable'] })
    expect(result.text).not.toContain('redis-secret')
  })

  it('does not crash on a malformed REDIS_URL: it reports it', async () => {
    vi.stubEnv('REDIS_URL', 'localhost:6379')
    const result = await health()
    expect(result.status).toBe(503)
    expect(JSON.parse(result.text)).toEqual({ status: 'unavailable', reasons: ['REDIS_URL is invalid'] })
  })

  const hasRedis = spawnSync('redis-server', ['--version']).status === 0
  describe.skipIf(!hasRedis)('with a running Redis', () => {
    let redis: ChildProcess | undefined
    afterAll(() => {
      redis?.kill()
    })

    it('answers 200 when both the database and Redis answer', async () => {
      const port = await closedPort()
      redis = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' })
      vi.stubEnv('REDIS_URL', `redis://127.0.0.1:${port}`)
      let result = await health()
      for (let attempt = 0; result.status !== 200 && attempt < 20; attempt++) {
        await new Promise((resolve) => setTimeout(resolve, 100))
        result = await health()
      }
      expect(result.status).toBe(200)
      expect(JSON.parse(result.text)).toEqual({ status: 'ok' })
    })
  })
})
