import 'server-only'
import { type Span, SpanStatusCode, trace } from '@opentelemetry/api'
import type { Sql } from 'postgres'

const tracer = trace.getTracer('northwind-goods/db')

type PendingQuery = { resolve: (value: unknown) => unknown; reject: (error: unknown) => unknown }

function endWith(span: Span, error?: unknown) {
  if (error !== undefined) {
    span.recordException(error instanceof Error ? error : String(error))
    span.setStatus({ code: SpanStatusCode.ERROR, message: error instanceof Error ? error.message : String(error) })
  }
  span.end()
}

/**
 * A postgres.js client whose queries each make a `db.query` span (statement text, no
 * parameters), including those inside transactions and savepoints. Drizzle runs every query
 * through `unsafe()`; the span ends when postgres.js settles the query.
 */
export function traceSqlClient<T extends Sql>(client: T): T {
  return new Proxy(client, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver)
      if (typeof value !== 'function') return value
      if (property === 'unsafe') {
        return (query: string, ...rest: unknown[]) => {
          const pending = (value as (...args: unknown[]) => PendingQuery).call(target, query, ...rest)
          const span = tracer.startSpan('db.query', {
            attributes: { 'db.system': 'postgresql', 'db.statement': query.slice(0, 2000) },
          })
          const { resolve, reject } = pending
          pending.resolve = (result) => {
            endWith(span)
            return resolve(result)
          }
          pending.reject = (error) => {
            endWith(span, error)
            return reject(error)
          }
          return pending
        }
      }
      if (property === 'begin' || property === 'savepoint') {
        // The transaction's own client runs its queries: wrap it too.
        return (...args: unknown[]) => {
          const last = args.length - 1
          const callback = args[last]
          if (typeof callback === 'function') {
            args[last] = (tx: Sql) => (callback as (tx: Sql) => unknown)(traceSqlClient(tx))
          }
          return (value as (...args: unknown[]) => unknown).apply(target, args)
        }
      }
      return value
    },
  })
}
