import 'server-only'
import { env, isBuildPhase } from './env'
import { log, routeConsoleToJsonLogs } from './log'

/**
 * Tracing and logs for a server process (called from instrumentation.ts).
 *
 * A tracer provider is registered in production even when nothing is exported, because its trace
 * ids are the request ids on our log lines. Spans are exported over OTLP/HTTP only when
 * OTEL_EXPORTER_OTLP_ENDPOINT is set; the exporter batches in the background, so a collector that
 * refuses connections costs a logged export error, never a request.
 */
export async function startTelemetry() {
  if (env.NODE_ENV !== 'production' && !env.OTEL_EXPORTER_OTLP_ENDPOINT) return
  if (isBuildPhase) return
  const { registerOTel } = await import('@vercel/otel')
  try {
    registerOTel({
      serviceName: env.OTEL_SERVICE_NAME,
      // 'auto' adds the OTLP exporter (it reads OTEL_EXPORTER_OTLP_* itself); [] records ids only.
      spanProcessors: env.OTEL_EXPORTER_OTLP_ENDPOINT ? ['auto'] : [],
    })
  } catch (error) {
    log.error('tracing could not start; serving without it', { error })
  }
  if (env.NODE_ENV === 'production') routeConsoleToJsonLogs()
}
