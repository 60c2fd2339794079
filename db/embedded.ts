import 'server-only'
import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { PGlite } from '@electric-sql/pglite'
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm'
import { PGLiteSocketServer } from '@electric-sql/pglite-socket'
import { SessionQueue } from './embedded-session-queue'
import { type LockInfo, isAlive, lockFilePath, readLock, urlForPort } from './embedded-lock'

/**
 * The embedded database (PGlite) has no locking of its own: two processes that open one
 * data directory silently lose writes. So exactly one process owns it and serves it over
 * the Postgres wire protocol on localhost; everything else (Next.js, scripts, a second
 * terminal) connects to that server with the same `postgres` driver used for real Postgres.
 * The owner claims the directory with an exclusive lock file holding its pid and port.
 */

function claimLock(dataDir: string, port: number) {
  const file = lockFilePath(dataDir)
  mkdirSync(path.dirname(file), { recursive: true })
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(file, JSON.stringify({ pid: process.pid, port } satisfies LockInfo), { flag: 'wx' })
      return
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
      const holder = readLock(dataDir)
      if (holder && isAlive(holder.pid)) {
        throw new Error(
          `The embedded database in ${dataDir} is already open in process ${holder.pid} ` +
            `(serving on port ${holder.port}). Connect to it with DATABASE_URL=${urlForPort(holder.port)}, ` +
            `or stop that process first.`,
        )
      }
      rmSync(file, { force: true }) // left behind by a process that died
    }
  }
  throw new Error(`Could not claim the embedded database lock ${file}. Delete it if no shop process is running.`)
}

export type EmbeddedServer = { url: string; stop: () => Promise<void> }

async function serve(db: PGlite, port: number) {
  const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port, maxConnections: 64 })
  // pglite-socket 0.2.17 (pinned) keeps its queue in this field; see SessionQueue for why we replace it.
  ;(server as unknown as { queryQueue: SessionQueue }).queryQueue = new SessionQueue(db)
  await server.start()
  return server
}

/** Opens the on-disk embedded database and serves it; throws if another process owns it. */
export async function startEmbeddedServer(dataDir: string, port: number): Promise<EmbeddedServer> {
  claimLock(dataDir, port)
  const release = () => {
    if (readLock(dataDir)?.pid === process.pid) rmSync(lockFilePath(dataDir), { force: true })
  }
  try {
    mkdirSync(dataDir, { recursive: true })
    const db = await PGlite.create({ dataDir, extensions: { pg_trgm } })
    const server = await serve(db, port)
    return {
      url: urlForPort(port),
      stop: async () => {
        await server.stop()
        await db.close()
        release()
      },
    }
  } catch (error) {
    release()
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      throw new Error(`Port ${port} is taken, so the embedded database cannot start. Set PGLITE_PORT to a free port.`)
    }
    throw error
  }
}

/** A throwaway in-memory database on a free port, for tests and benchmarks. */
export async function startInMemoryServer(): Promise<EmbeddedServer> {
  const db = await PGlite.create({ extensions: { pg_trgm } })
  const server = await serve(db, 0)
  const address = server.getServerConn()
  const port = Number(address.split(':').pop())
  return {
    url: urlForPort(port),
    stop: async () => {
      await server.stop()
      await db.close()
    },
  }
}
