import { type ChildProcess, spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { parseArgs } from 'node:util'
import { chromium } from '@playwright/test'

/**
 * npm run lighthouse [-- --runs 3 --port 3210 --url http://127.0.0.1:3000]
 *
 * Lighthouse (mobile: its default Moto G Power emulation and simulated slow 4G, the same as
 * PageSpeed Insights) on the home, search, product and cart pages of a production build. Without
 * --url it starts `next start` on the last `npm run build` (NEXT_DIST_DIR, .next by default) with
 * DATABASE_URL, or the embedded database as `npm start` does. The cart is measured holding one
 * product, put there through the product page in a browser. Chromium is CHROME_PATH
 * (/usr/bin/chromium). With --runs N each page is measured N times and the median run (by
 * performance score) is printed: the score moves by a few points between runs on a busy machine.
 */
const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '1' },
    port: { type: 'string', default: '3210' },
    url: { type: 'string' },
  },
})
const runs = Math.max(1, Number(values.runs))
const chromePath = process.env.CHROME_PATH || '/usr/bin/chromium'
const log = (line: string) => console.log(`[lighthouse] ${line}`)

type Report = {
  /** Lighthouse's measure of the host's CPU: its simulated throttling scales what it observes, so scores depend on it. */
  environment?: { benchmarkIndex?: number }
  categories: Record<'performance' | 'accessibility' | 'best-practices' | 'seo', { score: number | null }>
  audits: Record<string, { numericValue?: number; details?: { items?: { resourceType?: string; transferSize?: number; url?: string }[] } }>
}

async function startServer(port: number): Promise<ChildProcess> {
  const origin = `http://127.0.0.1:${port}`
  const server = spawn('node_modules/.bin/tsx', ['--conditions=react-server', 'db/scripts/with-db.ts', 'node_modules/.bin/next', 'start', '-p', String(port), '-H', '127.0.0.1'], {
    env: {
      ...process.env,
      NEXT_TELEMETRY_DISABLED: '1',
      AUTH_SECRET: process.env.AUTH_SECRET || randomBytes(32).toString('base64url'),
      AUTH_TRUST_HOST: 'true',
      SITE_URL: origin,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
    detached: true,
  })
  for (let attempt = 0; attempt < 240; attempt++) {
    try {
      if ((await fetch(`${origin}/logo.svg`)).ok) return server
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500))
  }
  throw new Error('next start did not come up within 120 s (run `npm run build` first)')
}

/** The first product a search for headphones lists, and a cart cookie holding it. */
async function prepare(origin: string) {
  const html = await (await fetch(`${origin}/search?q=headphones`)).text()
  const productPath = /href="(\/products\/[^"?#]+)"/.exec(html)?.[1]
  if (!productPath) throw new Error('No product found on /search?q=headphones: is the catalog seeded?')
  const browser = await chromium.launch({ executablePath: chromePath, args: ['--no-sandbox', '--disable-dev-shm-usage'] })
  try {
    const page = await browser.newPage()
    await page.goto(origin + productPath)
    await page.getByRole('button', { name: 'Add to cart', exact: true }).click()
    await page.getByRole('link', { name: /Cart, 1 item/i }).waitFor()
    const cookies = await page.context().cookies()
    return { productPath, cookie: cookies.map((cookie) => `${cookie.name}=${cookie.value}`).join('; ') }
  } finally {
    await browser.close()
  }
}

function lighthouse(url: string, headers: Record<string, string>): Promise<Report> {
  const args = [
    url,
    '--quiet',
    '--output=json',
    '--output-path=stdout',
    '--only-categories=performance,accessibility,best-practices,seo',
    '--chrome-flags=--headless=new --no-sandbox --disable-dev-shm-usage',
  ]
  if (Object.keys(headers).length > 0) args.push(`--extra-headers=${JSON.stringify(headers)}`)
  return new Promise((resolve, reject) => {
    const child = spawn('node_modules/.bin/lighthouse', args, { env: { ...process.env, CHROME_PATH: chromePath }, stdio: ['ignore', 'pipe', 'inherit'] })
    let out = ''
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()))
    child.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`lighthouse ${url} exited with ${code}`))
      try {
        resolve(JSON.parse(out) as Report)
      } catch (error) {
        reject(error)
      }
    })
  })
}

function summarize(report: Report) {
  const score = (name: keyof Report['categories']) => Math.round((report.categories[name].score ?? 0) * 100)
  const scripts = (report.audits['network-requests']?.details?.items ?? []).filter((item) => item.resourceType === 'Script')
  return {
    performance: score('performance'),
    accessibility: score('accessibility'),
    bestPractices: score('best-practices'),
    seo: score('seo'),
    lcpMs: report.audits['largest-contentful-paint']?.numericValue ?? NaN,
    tbtMs: report.audits['total-blocking-time']?.numericValue ?? NaN,
    fcpMs: report.audits['first-contentful-paint']?.numericValue ?? NaN,
    clsScore: report.audits['cumulative-layout-shift']?.numericValue ?? NaN,
    // Bytes over the wire (gzip/brotli as the server sent them), every script of the page.
    scriptKb: scripts.reduce((sum, item) => sum + (item.transferSize ?? 0), 0) / 1024,
    benchmarkIndex: report.environment?.benchmarkIndex ?? NaN,
  }
}

async function main() {
  let server: ChildProcess | null = null
  const origin = values.url ?? `http://127.0.0.1:${values.port}`
  try {
    if (!values.url) {
      log(`starting next start on ${origin}`)
      server = await startServer(Number(values.port))
    }
    const { productPath, cookie } = await prepare(origin)
    const pages: { name: string; path: string; headers: Record<string, string> }[] = [
      { name: 'home', path: '/', headers: {} },
      { name: 'search', path: '/search?q=headphones', headers: {} },
      { name: 'product', path: productPath, headers: {} },
      { name: 'cart (1 item)', path: '/cart', headers: { Cookie: cookie } },
    ]
    const rows = []
    for (const page of pages) {
      const results = []
      for (let run = 0; run < runs; run++) {
        log(`${page.name} (${page.path}) run ${run + 1} of ${runs}`)
        results.push(summarize(await lighthouse(origin + page.path, page.headers)))
      }
      results.sort((a, b) => a.performance - b.performance)
      const median = results[Math.floor(results.length / 2)]
      if (median) rows.push({ name: page.name, ...median })
    }
    const indexes = rows.map((row) => row.benchmarkIndex).filter(Number.isFinite)
    console.log(`\nLighthouse ${runs > 1 ? `(median of ${runs} runs)` : ''}, mobile, default throttling, ${chromePath}`)
    console.log(`This machine's benchmark index: ${Math.round(Math.min(...indexes))}–${Math.round(Math.max(...indexes))} (scores depend on it)\n`)
    console.log('| page | performance | LCP s | TBT ms | FCP s | CLS | JS kB (gzip) | accessibility | best practices | SEO |')
    console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |')
    for (const row of rows) {
      console.log(
        `| ${row.name} | ${row.performance} | ${(row.lcpMs / 1000).toFixed(1)} | ${row.tbtMs.toFixed(0)} | ${(row.fcpMs / 1000).toFixed(1)} | ${row.clsScore.toFixed(2)} | ${row.scriptKb.toFixed(0)} | ${row.accessibility} | ${row.bestPractices} | ${row.seo} |`,
      )
    }
  } finally {
    if (server?.pid) {
      try {
        process.kill(-server.pid, 'SIGTERM')
      } catch {
        // already gone
      }
    }
  }
}

await main()
