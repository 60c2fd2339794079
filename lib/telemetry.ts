import 'server-only'
import { type Attributes, SpanStatusCode, trace } from '@opentelemetry/api'

/**
 * Spans for our own work (jobs, Stripe calls, database queries). Without a registered tracer
 * (instrumentation.ts) these are no-ops that cost a function call.
 */
export const tracer = trace.getTracer('northwind-goods')

/** Runs `work` inside a span named `name`, recording a thrown error on it. */
export async function withSpan<T>(name: string, attributes: Attributes, work: () => Promise<T>): Promise<T> {
  return tracer.startActiveSpan(name, { attributes }, async (span) => {
    try {
      return await work()
    } catch (error) {
      span.recordException(error instanceof Error ? error : String(error))
      span.setStatus({ code: SpanStatusCode.ERROR, message: error instanceof Error ? error.message : String(error) })
      throw error
    } finally {
      span.end()
    }
  })
}
