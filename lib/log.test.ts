import { AsyncLocalStorage } from 'node:async_hooks'
import { type Context, type ContextManager, context, ROOT_CONTEXT, trace, TraceFlags } from '@opentelemetry/api'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { currentRequestId, formatJsonLine, log, restoreConsoleForTests, routeConsoleToJsonLogs, setLogSinkForTests } from './log'

const traceId = '4bf92f3577b34da6a3ce929d0e0e4736'
const requestSpan = trace.wrapSpanContext({ traceId, spanId: '00f067aa0ba902b7', traceFlags: TraceFlags.SAMPLED })

/** Runs `work` as if inside a request whose span Next opened. */
function duringRequest<T>(work: () => T): T {
  return context.with(trace.setSpan(ROOT_CONTEXT, requestSpan), work)
}

/** What @vercel/otel installs in the server: the active context follows async calls. */
class AsyncContextManager implements ContextManager {
  private storage = new AsyncLocalStorage<Context>()
  active() {
    return this.storage.getStore() ?? ROOT_CONTEXT
  }
  with<A extends unknown[], F extends (...args: A) => ReturnType<F>>(ctx: Context, fn: F, thisArg?: ThisParameterType<F>, ...args: A) {
    return this.storage.run(ctx, () => fn.apply(thisArg, args))
  }
  bind<T>(_ctx: Context, target: T) {
    return target
  }
  enable() {
    return this
  }
  disable() {
    return this
  }
}

beforeAll(() => {
  context.setGlobalContextManager(new AsyncContextManager())
})

afterEach(() => {
  restoreConsoleForTests()
  setLogSinkForTests(undefined, false)
})

function capture() {
  const lines: { level: string; line: string }[] = []
  setLogSinkForTests((level, line) => lines.push({ level, line }), true)
  return lines
}

describe('structured logs', () => {
  it('writes one JSON object per line with time, level, message, fields and the request id', () => {
    const line = duringRequest(() => formatJsonLine('error', 'job failed', { jobId: 7, kind: 'mail.order-confirmation' }, new Date('2026-01-02T03:04:05Z')))
    expect(line).not.toContain('\n')
    expect(JSON.parse(line)).toEqual({
      time: '2026-01-02T03:04:05.000Z',
      level: 'error',
      msg: 'job failed',
      requestId: traceId,
      jobId: 7,
      kind: 'mail.order-confirmation',
    })
  })

  it('has no request id outside a request, and fields cannot overwrite the line’s own keys', () => {
    expect(currentRequestId()).toBeUndefined()
    const entry = JSON.parse(formatJsonLine('info', 'started', { level: 'debug', msg: 'spoofed', port: 3000 }))
    expect(entry).toMatchObject({ level: 'info', msg: 'started', port: 3000 })
    expect(entry).not.toHaveProperty('requestId')
  })

  it('keeps an error’s message and stack, which JSON.stringify alone drops', () => {
    const entry = JSON.parse(formatJsonLine('error', 'checkout failed', { error: new Error('stock changed') }))
    expect(entry.error.message).toBe('stock changed')
    expect(entry.error.stack).toContain('log.test.ts')
  })

  it('never loses a line to a circular field', () => {
    const loop: Record<string, unknown> = { name: 'loop' }
    loop.self = loop
    const entry = JSON.parse(formatJsonLine('warn', 'odd context', { loop }))
    expect(entry).toMatchObject({ level: 'warn', msg: 'odd context' })
    expect(entry.fields).toContain('loop')
  })

  it('log.* writes through the sink in production mode', () => {
    const lines = capture()
    duringRequest(() => log.warn('low stock', { productId: 3 }))
    expect(lines).toHaveLength(1)
    expect(lines[0]?.level).toBe('warn')
    expect(JSON.parse(lines[0]?.line ?? '')).toMatchObject({ msg: 'low stock', productId: 3, requestId: traceId })
  })

  it('turns the existing console.error(message, context) calls into JSON lines with the request id', () => {
    const lines = capture()
    routeConsoleToJsonLogs()
    duringRequest(() => console.error('order confirmation failed', { orderId: 12 }, new Error('smtp down')))
    console.log('plain message', 42)
    expect(lines.map((entry) => entry.level)).toEqual(['error', 'info'])
    const first = JSON.parse(lines[0]?.line ?? '')
    expect(first).toMatchObject({ msg: 'order confirmation failed', orderId: 12, requestId: traceId })
    expect(first.error.message).toBe('smtp down')
    expect(JSON.parse(lines[1]?.line ?? '')).toMatchObject({ msg: 'plain message', arg1: 42 })
  })
})
