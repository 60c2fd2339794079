// @ts-check
/**
 * Pages prerendered by `next build` hold the catalog of the database the build read and the public
 * origin it knew (canonical and Open Graph URLs). The container image is built on a throwaway demo
 * database without SITE_URL, and a self-hosted build can run against another database than the
 * server: such a server must not serve the build's pages. The build records what it was made
 * from next to its pages (server/app is copied into the standalone output whole), and a server
 * that runs on something else renders each page again on its first visit.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'

const RECORD = path.join('app', '.build-source.json')

/**
 * The database (host, port and name: no credentials) and origin this process serves.
 * @param {Record<string, string | undefined>} env
 */
export function currentSource(env = process.env) {
  return { database: databaseIdentity(env.DATABASE_URL), origin: env.SITE_URL ?? env.VERCEL_PROJECT_PRODUCTION_URL ?? env.VERCEL_URL ?? '' }
}

/** @param {string | undefined} url */
function databaseIdentity(url) {
  if (!url) return ''
  try {
    const parsed = new URL(url)
    return `${parsed.hostname}:${parsed.port || '5432'}${parsed.pathname}`
  } catch {
    return ''
  }
}

/**
 * Called while the build prerenders.
 * @param {string} serverDistDir
 * @param {Record<string, string | undefined>} env
 */
export function recordBuildSource(serverDistDir, env = process.env) {
  const file = path.join(serverDistDir, RECORD)
  mkdirSync(path.dirname(file), { recursive: true })
  writeFileSync(file, JSON.stringify(currentSource(env)))
}

/**
 * The build's source when it differs from this server's; null when they match or the build
 * recorded nothing (its pages are served as they are).
 * @param {string | undefined} serverDistDir
 * @param {Record<string, string | undefined>} env
 */
export function foreignBuildSource(serverDistDir, env = process.env) {
  if (!serverDistDir) return null
  let recorded
  try {
    recorded = JSON.parse(readFileSync(path.join(serverDistDir, RECORD), 'utf8'))
  } catch {
    return null
  }
  const current = currentSource(env)
  return recorded.database === current.database && recorded.origin === current.origin ? null : { build: recorded, server: current }
}
