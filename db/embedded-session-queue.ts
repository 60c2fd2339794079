import 'server-only'
import type { PGlite } from '@electric-sql/pglite'

type Pending = {
  handlerId: number
  message: Uint8Array
  onData: (data: Uint8Array) => void
  resolve: (bytes: number) => void
  reject: (error: Error) => void
}

const SYNC = 0x53 // 'S': ends an extended-protocol query cycle
const QUERY = 0x51 // 'Q': a complete simple-protocol query
const TERMINATE = 0x58 // 'X'
const STARTUP = 0x00 // startup packets have no type byte; their length's high byte is 0

/**
 * PGlite is one Postgres session shared by every socket. pglite-socket's own queue
 * interleaves protocol messages of different connections, so one connection's Bind can
 * land on another's unnamed prepared statement ("bind message supplies 3 parameters…").
 * This queue gives one connection the session from its first message until its query
 * cycle ends (Sync or simple Query) outside a transaction, exactly as Postgres would see
 * it from a single client. It implements the queue interface PGLiteSocketHandler calls.
 */
export class SessionQueue {
  private pending: Pending[] = []
  private owner: number | null = null
  private running = false

  constructor(private readonly db: PGlite) {}

  enqueue(handlerId: number, message: Uint8Array, onData: (data: Uint8Array) => void): Promise<number> {
    return new Promise((resolve, reject) => {
      this.pending.push({ handlerId, message, onData, resolve, reject })
      void this.drain()
    })
  }

  private next(): Pending | undefined {
    if (this.owner === null) return this.pending.shift()
    const index = this.pending.findIndex((item) => item.handlerId === this.owner)
    return index === -1 ? undefined : this.pending.splice(index, 1)[0]
  }

  private async drain() {
    if (this.running) return
    this.running = true
    try {
      for (let item = this.next(); item; item = this.next()) {
        this.owner = item.handlerId
        let bytes = 0
        try {
          await this.db.runExclusive(() =>
            this.db.execProtocolRawStream(item.message, {
              onRawData: (data) => {
                bytes += data.length
                item.onData(data)
              },
            }),
          )
        } catch (error) {
          item.reject(error as Error)
          continue
        }
        const type = item.message[0]
        if ((type === SYNC || type === QUERY || type === TERMINATE || type === STARTUP) && !this.db.isInTransaction()) {
          this.owner = null
        }
        item.resolve(bytes)
      }
    } finally {
      this.running = false
    }
  }

  getQueueLength() {
    return this.pending.length
  }

  clearQueueForHandler(handlerId: number) {
    this.pending = this.pending.filter((item) => {
      if (item.handlerId !== handlerId) return true
      item.reject(new Error('Handler disconnected'))
      return false
    })
  }

  /** A connection that drops mid-transaction must not leave the shared session in it. */
  async clearTransactionIfNeeded(handlerId: number) {
    if (this.owner !== handlerId) return
    if (this.db.isInTransaction()) await this.db.exec('ROLLBACK')
    this.owner = null
    await this.drain()
  }
}
