import 'server-only'
import { createClient } from 'redis'
import { sharedCache } from './env'

/**
 * A small client of the shared cache for the health check. The cache itself is read and written
 * by cache-handlers/ (loaded by Next outside the app bundle, with its own connection).
 */
let client: ReturnType<typeof createClient> | undefined

function redis() {
  if (sharedCache.status !== 'on') return undefined
  if (!client) {
    client = createClient({
      url: sharedCache.url,
      disableOfflineQueue: true,
      socket: { connectTimeout: 2000, reconnectStrategy: (retries) => Math.min(100 * 2 ** retries, 5000) },
    })
    // Reported by the health check (and once by the cache handlers); the client keeps reconnecting.
    client.on('error', () => {})
    client.connect().catch(() => {})
  }
  return client
}

/** True when Redis answers PING within `timeoutMs`. */
export async function pingRedis(timeoutMs: number): Promise<boolean> {
  const connection = redis()
  if (!connection) return false
  let timer: NodeJS.Timeout | undefined
  try {
    if (!connection.isReady) {
      // Just created, or reconnecting: give it the same time budget to come up.
      await Promise.race([new Promise((resolve) => connection.once('ready', resolve)), new Promise((resolve) => (timer = setTimeout(resolve, timeoutMs)))])
      clearTimeout(timer)
      if (!connection.isReady) return false
    }
    const answer = await Promise.race([connection.ping(), new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error('timeout')), timeoutMs)))])
    return answer === 'PONG'
  } catch {
    return false
  } finally {
    clearTimeout(timer)
  }
}
