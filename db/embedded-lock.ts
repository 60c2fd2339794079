import 'server-only'
import { readFileSync } from 'node:fs'
import path from 'node:path'

export type LockInfo = { pid: number; port: number }

export function lockFilePath(dataDir: string) {
  return `${path.resolve(dataDir)}.lock`
}

export function urlForPort(port: number) {
  return `postgres://postgres@127.0.0.1:${port}/postgres`
}

export function isAlive(pid: number) {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

export function readLock(dataDir: string): LockInfo | null {
  try {
    const parsed: unknown = JSON.parse(readFileSync(lockFilePath(dataDir), 'utf8'))
    if (typeof parsed === 'object' && parsed !== null && 'pid' in parsed && 'port' in parsed && typeof parsed.pid === 'number' && typeof parsed.port === 'number') {
      return { pid: parsed.pid, port: parsed.port }
    }
    return null
  } catch {
    return null
  }
}

/** The URL of the embedded server another process already owns, if one is running. */
export function runningEmbeddedServerUrl(dataDir: string): string | null {
  const lock = readLock(dataDir)
  return lock && isAlive(lock.pid) ? urlForPort(lock.port) : null
}
