import 'server-only'
import { type ChildProcess, spawn, spawnSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'
import autocannon from 'autocannon'
import postgres from 'postgres'
import { type EmbeddedServer, startEmbeddedServer } from '@/db/embedded'
import { migrateDatabase } from '@/db/migrate'
import { seedCatalog } from '@/db/seed/catalog'

/**
 * npm run bench [-- --products 100000 --connections 16 --duration 10 --database-url postgres://…]
 *
 * Seeds a separate database (its own PGlite directory, or --database-url / BENCH_DATABASE_URL,
 * whose schema is dropped), builds the app into .next-bench against it, starts `next start`,
 * and measures each page next to a static file served by the same server.
 *
 * --instances 2 runs the self-hosted setup instead: `redis-server` and two
 * `node .next-bench/standalone/server.js` with REDIS_URL on one database, autocannon spreading its
 * connections over both. --skip-seed reuses a database an earlier run filled (with --database-url);
 * --cpu-prof DIR writes a V8 CPU profile of each server (open it in Chrome DevTools or speedscope);
 * --port N (3200) is the first port used.
 */
const { values } = parseArgs({
  options: {
    products: { type: 'string', default: '100000' },
    connections: { type: 'string', default: '16' },
    duration: { type: 'string', default: '10' },
    'database-url': { type: 'string' },
    'skip-build': { type: 'boolean', default: false },
    'skip-seed': { type: 'boolean', default: false },
    port: { type: 'string', default: '3200' },
    instances: { type: 'string', default: '1' },
    'cpu-prof': { type: 'string' },
  },
})
const products = Number(values.products)
const connections = Number(values.connections)
const duration = Number(values.duration)
const externalUrl = values['database-url'] ?? process.env.BENCH_DATABASE_URL
const PORT = Number(values.port)
const instances = Number(values.instances)
if (instances !== 1 && instances !== 2) throw new Error('--instances is 1 (next start) or 2 (two standalone servers on Redis)')
const origins = Array.from({ length: instances }, (_, index) => `http://127.0.0.1:${PORT + index}`)
const origin = origins[0] ?? ''
const redisPort = PORT + 50
const cpuProfileDir = values['cpu-prof'] ? path.resolve(values['cpu-prof']) : null
const DIST_DIR = '.next-bench'
const BENCH_PGLITE_DIR = '.data/bench-pglite'

const log = (line: string) => console.log(`[bench] ${line}`)

async function prepareDatabase(): Promise<{ url: string; embedded: EmbeddedServer | null }> {
  let embedded: EmbeddedServer | null = null
  let url = externalUrl
  if (url && values['skip-seed']) return { url, embedded }
  if (!url) {
    rmSync(BENCH_PGLITE_DIR, { recursive: true, force: true })
    embedded = await startEmbeddedServer(BENCH_PGLITE_DIR, 54349)
    url = embedded.url
  } else {
    const admin = postgres(url, { max: 1, onnotice: () => {} })
    await admin`drop schema if exists public cascade; drop schema if exists drizzle cascade; create schema public`.simple()
    await admin.end()
  }
  await migrateDatabase(url)
  const sql = postgres(url, { max: 1, onnotice: () => {} })
  await seedCatalog(sql, { products, log: (line) => log(line.trim()) })
  await sql.end()
  return { url, embedded }
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv) {
  return new Promise<void>((resolve, reject) => {
    const child = spawn(command, args, { stdio: 'inherit', env })
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${command} ${args.join(' ')} exited with ${code}`))))
  })
}

async function waitUntilUp(base: string) {
  for (let attempt = 0; attempt < 120; attempt++) {
    try {
      const response = await fetch(`${base}/logo.svg`)
      if (response.ok) return
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500))
  }
  throw new Error(`${base} did not come up within 60 s`)
}

/** Node's flags for a server process: a CPU profile with --cpu-prof (not allowed in NODE_OPTIONS). */
function nodeFlags(): string[] {
  if (!cpuProfileDir) return []
  mkdirSync(cpuProfileDir, { recursive: true })
  return ['--cpu-prof', `--cpu-prof-dir=${cpuProfileDir}`]
}

async function startServers(env: NodeJS.ProcessEnv): Promise<ChildProcess[]> {
  if (instances === 1) {
    // No -H: bound to a loopback address, Next sees proxy.ts's rewrites as external (the proxy's
    // URL says localhost, the server's 127.0.0.1) and proxies them over HTTP to itself (README, Performance).
    const server = spawn(process.execPath, [...nodeFlags(), 'node_modules/next/dist/bin/next', 'start', '-p', String(PORT)], {
      env,
      stdio: ['ignore', 'pipe', 'inherit'],
      detached: true,
    })
    await waitUntilUp(origin)
    return [server]
  }
  // The standalone folder holds only the server; static assets are copied beside it (as the Dockerfile does).
  const standalone = path.resolve(DIST_DIR, 'standalone')
  if (!existsSync(path.join(standalone, 'server.js'))) throw new Error(`No ${DIST_DIR}/standalone/server.js: run without --skip-build once`)
  cpSync('public', path.join(standalone, 'public'), { recursive: true })
  cpSync(path.join(DIST_DIR, 'static'), path.join(standalone, DIST_DIR, 'static'), { recursive: true })
  if (spawnSync('redis-server', ['--version']).status !== 0) throw new Error('redis-server is not installed (Debian: apt-get install redis-server)')
  const redis = spawn('redis-server', ['--port', String(redisPort), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore', detached: true })
  const servers = origins.map((base, index) =>
    spawn(process.execPath, [...nodeFlags(), path.join(standalone, 'server.js')], {
      cwd: standalone,
      env: { ...env, PORT: String(PORT + index), HOSTNAME: '0.0.0.0', REDIS_URL: `redis://127.0.0.1:${redisPort}`, SITE_URL: base },
      stdio: ['ignore', 'ignore', 'inherit'],
      detached: true,
    }),
  )
  await Promise.all(origins.map(waitUntilUp))
  return [...servers, redis]
}

type Target = { name: string; path: string | (() => string) }

const searchWords = ['headphones', 'wireless', 'kettle', 'cast iron', 'backpack', 'lamp', 'speaker', 'notebook', 'yoga', 'jacket', 'serum', 'puzzle']

function randomSearchPath() {
  const word = searchWords[Math.floor(Math.random() * searchWords.length)] ?? 'headphones'
  const page = 1 + Math.floor(Math.random() * 5)
  const max = 50 + Math.floor(Math.random() * 400)
  return `/search?q=${encodeURIComponent(word)}&max=${max}&page=${page}`
}

function percentile(sorted: number[], p: number) {
  if (sorted.length === 0) return NaN
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN
}

async function measure(target: Target) {
  const latencies: number[] = []
  let non2xx = 0
  const result = await autocannon({
    // With two instances autocannon spreads its connections over both, as a round-robin balancer would.
    // (autocannon takes an array of URLs; its type definitions only know one.)
    url: (instances === 1 ? origin : origins) as unknown as string,
    connections,
    duration,
    // As a browser asks: the server then gzips each page, and sends a tenth of the bytes.
    headers: { 'accept-encoding': 'gzip, deflate, br, zstd' },
    requests: [
      {
        setupRequest: (request) => ({ ...request, path: typeof target.path === 'string' ? target.path : target.path() }),
      },
    ],
    setupClient: (client) => {
      client.on('response', (statusCode: number, _bytes: number, responseTime: number) => {
        latencies.push(responseTime)
        if (statusCode < 200 || statusCode >= 300) non2xx++
      })
    },
  })
  latencies.sort((a, b) => a - b)
  return {
    name: target.name,
    rps: result.requests.average,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    requests: latencies.length,
    errors: non2xx + result.errors + result.timeouts,
  }
}

async function main() {
  const started = performance.now()
  if (!(externalUrl && values['skip-seed'])) log(`seeding ${products.toLocaleString('en-US')} products into ${externalUrl ? 'the given PostgreSQL database' : 'a separate PGlite database'}`)
  const { url, embedded } = await prepareDatabase()
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: url,
    NEXT_DIST_DIR: DIST_DIR,
    NEXT_TELEMETRY_DISABLED: '1',
    AUTH_SECRET: randomBytes(32).toString('base64url'), // next start is production: it needs one
    AUTH_TRUST_HOST: 'true',
    SITE_URL: origin, // and a public origin
  }
  let servers: ChildProcess[] = []
  try {
    if (!values['skip-build']) {
      log('building into .next-bench')
      // next build adds the build folder's types to tsconfig.json; keep the developer's file as it was.
      const tsconfig = readFileSync('tsconfig.json', 'utf8')
      try {
        await run('node_modules/.bin/next', ['build'], env)
      } finally {
        writeFileSync('tsconfig.json', tsconfig)
      }
    }
    servers = await startServers(env)
    const sql = postgres(url, { max: 1, onnotice: () => {} })
    const [top] = await sql<{ slug: string }[]>`select slug from products where active order by rating_count desc, id limit 1`
    const [deep] = await sql<{ slug: string }[]>`select slug from products where active order by id desc limit 1`
    await sql.end()
    const targets: Target[] = [
      { name: 'static file (/logo.svg)', path: '/logo.svg' },
      { name: 'home', path: '/' },
      { name: 'product (prerendered)', path: `/products/${top?.slug}` },
      { name: 'product (cached on first visit)', path: `/products/${deep?.slug}` },
      { name: 'search q=headphones', path: '/search?q=headphones' },
      { name: 'search filtered + sorted', path: '/search?q=wireless&category=audio&min=20&max=300&in_stock=1&sort=price_asc&page=2' },
      { name: 'search, varied queries (cache misses)', path: randomSearchPath },
      { name: 'category page 1', path: '/category/audio' },
      { name: 'category page 3', path: '/category/audio?page=3' },
    ]
    for (const target of targets) {
      for (let i = 0; i < 5; i++) await fetch(origin + (typeof target.path === 'string' ? target.path : target.path()))
    }
    log(`measuring: ${connections} connections, ${duration} s per target`)
    const rows = []
    for (const target of targets) rows.push(await measure(target))
    const staticRps = rows[0]?.rps ?? 1
    const setup = instances === 1 ? 'next start' : 'two standalone servers on Redis'
    console.log(`\nCatalog: ${products.toLocaleString('en-US')} products on ${externalUrl ? 'PostgreSQL' : 'PGlite'}; ${setup}; ${connections} connections; ${duration} s each\n`)
    console.log('| target | req/s | vs static | p50 ms | p95 ms | p99 ms | requests | errors |')
    console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |')
    for (const row of rows) {
      console.log(
        `| ${row.name} | ${row.rps.toFixed(0)} | ${((row.rps / staticRps) * 100).toFixed(0)}% | ${row.p50.toFixed(0)} | ${row.p95.toFixed(0)} | ${row.p99.toFixed(0)} | ${row.requests} | ${row.errors} |`,
      )
    }
    log(`done in ${((performance.now() - started) / 1000).toFixed(0)} s`)
  } finally {
    // Servers first, Redis (the last one) after them, so they do not log its going away.
    for (const [index, server] of servers.entries()) {
      if (!server.pid) continue
      if (index > 0 && index === servers.length - 1 && instances > 1) await new Promise((resolve) => setTimeout(resolve, 1000))
      try {
        process.kill(-server.pid, 'SIGTERM')
      } catch {
        // already gone
      }
    }
    // A CPU profile is written when the server exits.
    if (cpuProfileDir) await new Promise((resolve) => setTimeout(resolve, 3000))
    await embedded?.stop()
  }
}

await main()
