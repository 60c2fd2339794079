import postgres from 'postgres'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type EmbeddedServer, startInMemoryServer } from './embedded'

describe('embedded database server', () => {
  let server: EmbeddedServer
  const clients: postgres.Sql[] = []
  const connect = () => {
    const client = postgres(server.url, { max: 4, prepare: false, onnotice: () => {} })
    clients.push(client)
    return client
  }

  beforeAll(async () => {
    server = await startInMemoryServer()
    const setup = connect()
    await setup`create table counters (id int primary key, value int not null)`
    await setup`insert into counters values (1, 0)`
  })
  afterAll(async () => {
    await Promise.all(clients.map((client) => client.end()))
    await server.stop()
  })

  it('keeps parameterised queries from many connections apart', async () => {
    const pools = [connect(), connect(), connect()]
    const results = await Promise.all(
      Array.from({ length: 120 }, (_, i) => {
        const pool = pools[i % pools.length] ?? connect()
        return i % 2 === 0
          ? pool<{ a: number; b: string }[]>`select ${i}::int as a, ${`row-${i}`}::text as b`
          : pool<{ a: number; b: string; c: number }[]>`select ${i}::int as a, ${`row-${i}`}::text as b, ${i * 2}::int as c`
      }),
    )
    results.forEach((rows, i) => {
      expect(rows[0]?.a).toBe(i)
      expect(rows[0]?.b).toBe(`row-${i}`)
    })
  })

  it('isolates a transaction from other connections until it commits', async () => {
    const [a, b] = [connect(), connect()]
    const transaction = a.begin(async (tx) => {
      await tx`update counters set value = value + 1 where id = 1`
      await new Promise((resolve) => setTimeout(resolve, 100))
      await tx`update counters set value = value + 1 where id = 1`
    })
    await new Promise((resolve) => setTimeout(resolve, 20))
    const [during] = await b<{ value: number }[]>`select value from counters where id = 1`
    await transaction
    const [after] = await b<{ value: number }[]>`select value from counters where id = 1`
    expect(during?.value).toBe(2) // waited for the commit rather than reading half of it
    expect(after?.value).toBe(2)
  })

  it('loses no concurrent increments', async () => {
    const pools = [connect(), connect()]
    await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        (pools[i % 2] ?? connect()).begin(async (tx) => {
          const [row] = await tx<{ value: number }[]>`select value from counters where id = 1 for update`
          await tx`update counters set value = ${(row?.value ?? 0) + 1} where id = 1`
        }),
      ),
    )
    const [row] = await connect()<{ value: number }[]>`select value from counters where id = 1`
    expect(row?.value).toBe(52)
  })
})
