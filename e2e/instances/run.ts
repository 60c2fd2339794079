import 'server-only'
import { type ChildProcess, spawn, spawnSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { cpSync, existsSync, mkdirSync, openSync, rmSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import postgres from 'postgres'
import { migrateDatabase } from '@/db/migrate'
import { seedCatalog } from '@/db/seed/catalog'
import { seedDemoUsers } from '@/db/scripts/demo-users'

/**
 * npm run test:instances — two production servers behind no proxy, one PostgreSQL, one Redis.
 *
 * Needs a production build (`npm run build`; CI has made one). Starts `redis-server`, prepares the
 * standalone folder the Docker image runs (public/ and .next/static copied in, as Next's docs
 * say), starts `node .next/standalone/server.js` twice on one database, and runs the checks in
 * e2e/instances/instances.check.ts with Playwright. A third server without REDIS_URL stands for a
 * single container on a database the build did not read. The database is INSTANCES_DATABASE_URL
 * (its schema is dropped and rebuilt); ports: INSTANCES_PORT_A / _B / _SINGLE (3207, 3208, 3209),
 * INSTANCES_REDIS_PORT (6391), INSTANCES_OTLP_PORT (3206). Instance A exports its traces to a
 * stand-in OTLP collector on that port; the single server exports to a port that refuses.
 */
const databaseUrl = process.env.INSTANCES_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/instances'
const portA = Number(process.env.INSTANCES_PORT_A ?? 3207)
const portB = Number(process.env.INSTANCES_PORT_B ?? 3208)
const portSingle = Number(process.env.INSTANCES_PORT_SINGLE ?? 3209)
const redisPort = Number(process.env.INSTANCES_REDIS_PORT ?? 6391)
const otlpPort = Number(process.env.INSTANCES_OTLP_PORT ?? 3206)
const standalone = path.resolve('.next/standalone')
const logDir = path.resolve('test-results/instances')

const log = (line: string) => console.log(`[instances] ${line}`)
const children: ChildProcess[] = []
let collector: Server | null = null

function stopAll() {
  for (const child of children) {
    if (child.exitCode === null && child.pid) {
      try {
        process.kill(child.pid, 'SIGTERM')
      } catch {
        // already gone
      }
    }
  }
  collector?.close()
}

/** Creates the database on a fresh PostgreSQL (CI) when it does not exist yet. */
async function ensureDatabase() {
  const probe = postgres(databaseUrl, { max: 1, onnotice: () => {} })
  try {
    await probe`select 1`
    return
  } catch (error) {
    if ((error as { code?: string }).code !== '3D000') throw error
  } finally {
    await probe.end()
  }
  const target = new URL(databaseUrl)
  const name = target.pathname.slice(1)
  target.pathname = '/postgres'
  const server = postgres(target.toString(), { max: 1, onnotice: () => {} })
  try {
    await server.unsafe(`create database "${name.replace(/"/g, '""')}"`)
  } finally {
    await server.end()
  }
}

async function prepareDatabase() {
  await ensureDatabase()
  const admin = postgres(databaseUrl, { max: 1, onnotice: () => {} })
  try {
    await admin`drop schema if exists public cascade; drop schema if exists drizzle cascade; create schema public`.simple()
  } finally {
    await admin.end()
  }
  await migrateDatabase(databaseUrl)
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} })
  try {
    await seedCatalog(sql, { products: 200 })
    await seedDemoUsers(sql)
  } finally {
    await sql.end()
  }
}

function prepareStandalone() {
  if (!existsSync(path.join(standalone, 'server.js'))) {
    throw new Error('No standalone build: run `npm run build` first (next.config.ts sets output: "standalone").')
  }
  // The standalone folder holds only the server; static assets are copied beside it.
  cpSync('public', path.join(standalone, 'public'), { recursive: true })
  cpSync('.next/static', path.join(standalone, '.next/static'), { recursive: true })
}

async function waitFor(url: string, seconds: number) {
  for (let attempt = 0; attempt < seconds * 4; attempt++) {
    try {
      const response = await fetch(url)
      if (response.status < 500) return
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
  throw new Error(`${url} did not answer within ${seconds} s`)
}

function startRedis() {
  const redis = spawn('redis-server', ['--port', String(redisPort), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
    stdio: ['ignore', openSync(path.join(logDir, 'redis.log'), 'w'), 'inherit'],
  })
  children.push(redis)
  return redis
}

/**
 * A stand-in OTLP/HTTP collector: it keeps what POST /v1/traces receives (protobuf, where span
 * names are plain UTF-8) and answers GET /received?name=… with whether each name arrived.
 */
function startCollector() {
  const received: Buffer[] = []
  const collector = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://collector')
    if (request.method === 'POST' && url.pathname === '/v1/traces') {
      const chunks: Buffer[] = []
      request.on('data', (chunk: Buffer) => chunks.push(chunk))
      request.on('end', () => {
        received.push(Buffer.concat(chunks))
        response.writeHead(200, { 'content-type': 'application/x-protobuf' }).end()
      })
      return
    }
    if (request.method === 'GET' && url.pathname === '/received') {
      const all = Buffer.concat(received)
      const found = Object.fromEntries(url.searchParams.getAll('name').map((name) => [name, all.includes(name)]))
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ exports: received.length, found }))
      return
    }
    response.writeHead(404).end()
  })
  collector.listen(otlpPort, '127.0.0.1')
  return collector
}

/** A local port nothing listens on (taken and let go), for an OTLP endpoint that refuses connections. */
async function refusingPort() {
  const probe = createServer()
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve))
  const { port } = probe.address() as AddressInfo
  await new Promise((resolve) => probe.close(resolve))
  return port
}

function startInstance(name: string, port: number, shared: NodeJS.ProcessEnv) {
  const out = openSync(path.join(logDir, `instance-${name}.log`), 'w')
  const server = spawn(process.execPath, [path.join(standalone, 'server.js')], {
    cwd: standalone,
    env: { ...shared, PORT: String(port), HOSTNAME: '127.0.0.1', SITE_URL: `http://127.0.0.1:${port}` },
    stdio: ['ignore', out, out],
  })
  children.push(server)
  return server
}

async function main() {
  const started = performance.now()
  if (spawnSync('redis-server', ['--version']).status !== 0) throw new Error('redis-server is not installed (Debian: apt-get install redis-server)')
  rmSync(logDir, { recursive: true, force: true })
  mkdirSync(logDir, { recursive: true })

  log(`database ${databaseUrl.replace(/\/\/[^@]*@/, '//…@')}: migrate and seed`)
  await prepareDatabase()
  prepareStandalone()

  const redis = startRedis()
  const cronSecret = randomBytes(24).toString('base64url')
  const shared: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    NODE_ENV: 'production',
    NEXT_TELEMETRY_DISABLED: '1',
    DATABASE_URL: databaseUrl,
    // INSTANCES_WITHOUT_REDIS=1 runs the same checks on per-instance caches: the price check fails.
    REDIS_URL: process.env.INSTANCES_WITHOUT_REDIS ? '' : `redis://127.0.0.1:${redisPort}`,
    AUTH_SECRET: randomBytes(32).toString('base64url'),
    AUTH_TRUST_HOST: 'true',
    // As behind one load balancer: the client IP is the X-Forwarded-For entry it appended.
    TRUSTED_PROXY_HOPS: '1',
    DEMO_PAYMENTS: 'true',
    DEV_MAILBOX: 'true',
    CRON_SECRET: cronSecret,
    UPLOAD_DIR: path.resolve('.data/instances-uploads'),
  }
  collector = startCollector()
  // Exported every 200 ms rather than every 5 s, so the checks see spans (or failed exports) soon.
  startInstance('a', portA, { ...shared, OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${otlpPort}`, OTEL_BSP_SCHEDULE_DELAY: '200' })
  startInstance('b', portB, shared)
  startInstance('single', portSingle, { ...shared, REDIS_URL: '', OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${await refusingPort()}`, OTEL_BSP_SCHEDULE_DELAY: '200' })
  await Promise.all([portA, portB, portSingle].map((port) => waitFor(`http://127.0.0.1:${port}/api/health`, 60)))
  log(`two instances up on :${portA} and :${portB}, Redis on :${redisPort}, one without Redis on :${portSingle} (${((performance.now() - started) / 1000).toFixed(1)} s)`)

  const checks = spawn('node_modules/.bin/playwright', ['test', '--config', 'e2e/instances/playwright.config.ts', ...process.argv.slice(2)], {
    stdio: 'inherit',
    env: {
      ...process.env,
      INSTANCE_A: `http://127.0.0.1:${portA}`,
      INSTANCE_B: `http://127.0.0.1:${portB}`,
      INSTANCE_SINGLE: `http://127.0.0.1:${portSingle}`,
      INSTANCES_DATABASE_URL: databaseUrl,
      INSTANCES_CRON_SECRET: cronSecret,
      INSTANCES_REDIS_PID: String(redis.pid),
      INSTANCES_LOG_DIR: logDir,
      INSTANCES_OTLP: `http://127.0.0.1:${otlpPort}`,
    },
  })
  const code = await new Promise<number>((resolve) => checks.on('exit', (exitCode) => resolve(exitCode ?? 1)))
  log(`${code === 0 ? 'passed' : 'FAILED'} in ${((performance.now() - started) / 1000).toFixed(1)} s (server logs in ${path.relative('.', logDir)})`)
  return code
}

let exitCode = 1
try {
  exitCode = await main()
} catch (error) {
  console.error(error)
} finally {
  stopAll()
}
process.exit(exitCode)
