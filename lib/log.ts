import { isSpanContextValid, trace } from '@opentelemetry/api'
import { formatWithOptions } from 'node:util'
import { env } from './env'

/**
 * Server logs. In production each line is one JSON object (time, level, message, the request id
 * and any fields), which log collectors index without parsing rules; elsewhere lines stay
 * readable. The request id is the OpenTelemetry trace id of the request being served
 * (instrumentation.ts registers a tracer even when nothing is exported), so a log line and the
 * request's spans share one id, and a `traceparent` header from a proxy carries it further.
 *
 */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error'
export type LogFields = Record<string, unknown>

/** The trace id of the request this code runs for, if any. */
export function currentRequestId(): string | undefined {
  const context = trace.getActiveSpan()?.spanContext()
  return context && isSpanContextValid(context) ? context.traceId : undefined
}

/** Errors become name, message and stack (a plain JSON.stringify gives `{}`). */
function serialize(value: unknown): unknown {
  if (value instanceof Error) {
    return { name: value.name, message: value.message, stack: value.stack, ...(value.cause ? { cause: serialize(value.cause) } : {}) }
  }
  return value
}

/** One JSON log line (without the newline). */
export function formatJsonLine(level: LogLevel, message: string, fields: LogFields = {}, now = new Date()): string {
  const requestId = currentRequestId()
  const entry: Record<string, unknown> = { time: now.toISOString(), level, msg: message }
  if (requestId) entry.requestId = requestId
  for (const [key, value] of Object.entries(fields)) {
    if (!(key in entry)) entry[key] = serialize(value)
  }
  try {
    return JSON.stringify(entry)
  } catch {
    // A circular or BigInt field must not lose the line.
    return JSON.stringify({ time: entry.time, level, msg: message, requestId, fields: formatWithOptions({ depth: 4 }, '%o', fields) })
  }
}

type Sink = (level: LogLevel, line: string) => void
const stderrSink: Sink = (_level, line) => {
  process.stderr.write(`${line}\n`)
}

let json = env.NODE_ENV === 'production'
let sink: Sink = stderrSink
const original = { debug: console.debug, info: console.info, log: console.log, warn: console.warn, error: console.error }

function write(level: LogLevel, message: string, fields?: LogFields) {
  if (json) {
    sink(level, formatJsonLine(level, message, fields))
    return
  }
  const method = console[level]
  if (fields && Object.keys(fields).length > 0) method(message, fields)
  else method(message)
}

export const log = {
  debug: (message: string, fields?: LogFields) => write('debug', message, fields),
  info: (message: string, fields?: LogFields) => write('info', message, fields),
  warn: (message: string, fields?: LogFields) => write('warn', message, fields),
  error: (message: string, fields?: LogFields) => write('error', message, fields),
}

/**
 * Routes `console.*` through the JSON logger, so the existing `console.error(message, context)`
 * calls across lib/ (and Next's own messages) come out as JSON lines with the request id.
 * Called by instrumentation.ts in production only.
 */
export function routeConsoleToJsonLogs() {
  json = true
  const forward =
    (level: LogLevel) =>
    (...args: unknown[]) => {
      const [first, ...rest] = args
      const message = typeof first === 'string' ? first : first instanceof Error ? first.message : formatWithOptions({ depth: 4 }, '%o', first)
      const fields: LogFields = {}
      if (first instanceof Error) fields.error = first
      rest.forEach((value, index) => {
        if (value instanceof Error && !('error' in fields)) fields.error = value
        else if (value && typeof value === 'object' && !Array.isArray(value) && !(value instanceof Error)) Object.assign(fields, value)
        else fields[`arg${index + 1}`] = value
      })
      sink(level, formatJsonLine(level, message, fields))
    }
  console.debug = forward('debug')
  console.info = forward('info')
  console.log = forward('info')
  console.warn = forward('warn')
  console.error = forward('error')
}

/** Tests: capture lines instead of writing them, and switch JSON on or off. */
export function setLogSinkForTests(next: Sink | undefined, jsonLines: boolean) {
  sink = next ?? stderrSink
  json = jsonLines
}

/** Tests: undo routeConsoleToJsonLogs. */
export function restoreConsoleForTests() {
  Object.assign(console, original)
}
