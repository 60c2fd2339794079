/**
 * A local stand-in for the Stripe API (api.stripe.com is unreachable here), for the real `stripe`
 * SDK pointed at it with STRIPE_API_URL. It implements what the shop calls: Checkout Sessions
 * (create, retrieve, expire), Customers (create, update) and Refunds (create), replays Idempotency-Key like Stripe, and records
 * every request so tests can assert what was sent.
 */
import { randomBytes } from 'node:crypto'
import { createServer, type IncomingMessage, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll } from 'vitest'

export type RecordedRequest = { method: string; path: string; idempotencyKey: string | null; params: Record<string, string> }

type Session = {
  id: string
  object: 'checkout.session'
  status: 'open' | 'complete' | 'expired'
  payment_status: 'paid' | 'unpaid'
  payment_intent: string | null
  url: string | null
  amount_total: number
  total_details: { amount_tax: number }
  ui_mode: string
  client_secret: string | null
  currency: string
  client_reference_id: string | null
  metadata: Record<string, string>
  expires_at: number
  customer_details: null
  collected_information: null
}

function id(prefix: string) {
  return `${prefix}_test_${randomBytes(10).toString('hex')}`
}

async function readForm(request: IncomingMessage) {
  const chunks: Buffer[] = []
  for await (const chunk of request) chunks.push(chunk as Buffer)
  return Object.fromEntries(new URLSearchParams(Buffer.concat(chunks).toString('utf8')))
}

export class FakeStripe {
  readonly requests: RecordedRequest[] = []
  readonly sessions = new Map<string, Session>()
  /** Make the next N calls fail with a 500 (Stripe being down). */
  failNext = 0
  /** Refuse refunds as Stripe does for a charge it will not refund (a 400 the SDK does not retry). */
  refuseRefunds = false
  /** The rate (in millionths) "Stripe Tax" charges on top of sessions created with automatic_tax[enabled]=true. */
  automaticTaxRatePpm = 0
  private server: Server | null = null
  private replies = new Map<string, { status: number; body: unknown }>()

  async start(port = 0) {
    this.server = createServer((request, response) => {
      void this.handle(request).then(({ status, body }) => {
        response.writeHead(status, { 'Content-Type': 'application/json', 'Request-Id': id('req') })
        response.end(JSON.stringify(body))
      })
    })
    await new Promise<void>((resolve) => this.server?.listen(port, '127.0.0.1', resolve))
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`
  }

  async stop() {
    await new Promise<void>((resolve) => this.server?.close(() => resolve()))
  }

  /** What the shop would see once the shopper paid on Stripe's page. */
  completeSession(sessionId: string) {
    const session = this.sessions.get(sessionId)
    if (!session) throw new Error(`no session ${sessionId}`)
    Object.assign(session, { status: 'complete', payment_status: 'paid', payment_intent: id('pi') })
    return session
  }

  private async handle(request: IncomingMessage): Promise<{ status: number; body: unknown }> {
    const params = request.method === 'POST' ? await readForm(request) : {}
    const path = (request.url ?? '').split('?')[0] ?? ''
    const idempotencyKey = (request.headers['idempotency-key'] as string | undefined) ?? null
    this.requests.push({ method: request.method ?? '', path, idempotencyKey, params })
    if (this.failNext > 0) {
      this.failNext--
      return { status: 500, body: { error: { type: 'api_error', message: 'Fake Stripe is down' } } }
    }
    if (idempotencyKey && this.replies.has(idempotencyKey)) return this.replies.get(idempotencyKey) ?? { status: 500, body: {} }
    const reply = this.route(request.method ?? '', path, params)
    if (idempotencyKey) this.replies.set(idempotencyKey, reply)
    return reply
  }

  private route(method: string, path: string, params: Record<string, string>): { status: number; body: unknown } {
    if (method === 'POST' && path === '/v1/checkout/sessions') {
      let amount = 0
      for (let index = 0; params[`line_items[${index}][quantity]`]; index++) {
        amount += Number(params[`line_items[${index}][quantity]`]) * Number(params[`line_items[${index}][price_data][unit_amount]`])
      }
      amount += Number(params['shipping_options[0][shipping_rate_data][fixed_amount][amount]'] ?? 0)
      const tax = params['automatic_tax[enabled]'] === 'true' ? Math.round((amount * this.automaticTaxRatePpm) / 1_000_000) : 0
      const sessionId = id('cs')
      const uiMode = params.ui_mode ?? 'hosted_page'
      const metadata = Object.fromEntries(
        Object.entries(params)
          .filter(([key]) => key.startsWith('metadata['))
          .map(([key, value]) => [key.slice('metadata['.length, -1), value]),
      )
      const session: Session = {
        id: sessionId,
        object: 'checkout.session',
        status: 'open',
        payment_status: 'unpaid',
        payment_intent: null,
        url: uiMode === 'hosted_page' ? `https://checkout.stripe.com/c/pay/${sessionId}` : null,
        amount_total: amount + tax,
        total_details: { amount_tax: tax },
        ui_mode: uiMode,
        client_secret: uiMode === 'embedded_page' ? `${sessionId}_secret_${randomBytes(8).toString('hex')}` : null,
        currency: params['line_items[0][price_data][currency]'] ?? 'usd',
        client_reference_id: params.client_reference_id ?? null,
        metadata,
        expires_at: Number(params.expires_at),
        customer_details: null,
        collected_information: null,
      }
      this.sessions.set(sessionId, session)
      return { status: 200, body: session }
    }
    const sessionMatch = /^\/v1\/checkout\/sessions\/([^/]+)(\/expire)?$/.exec(path)
    if (sessionMatch) {
      const session = this.sessions.get(sessionMatch[1] ?? '')
      if (!session) return { status: 404, body: { error: { type: 'invalid_request_error', message: 'No such checkout.session' } } }
      if (sessionMatch[2] && method === 'POST') {
        if (session.status !== 'open') return { status: 400, body: { error: { type: 'invalid_request_error', message: 'Session is not open' } } }
        session.status = 'expired'
      }
      return { status: 200, body: session }
    }
    if (method === 'POST' && path === '/v1/customers') {
      return { status: 200, body: { id: id('cus'), object: 'customer', email: params.email ?? null } }
    }
    const customerMatch = /^\/v1\/customers\/([^/]+)$/.exec(path)
    if (method === 'POST' && customerMatch) return { status: 200, body: { id: customerMatch[1], object: 'customer', email: params.email ?? null } }
    if (method === 'POST' && path === '/v1/refunds' && this.refuseRefunds) {
      return { status: 400, body: { error: { type: 'invalid_request_error', code: 'charge_disputed', message: 'This charge has been disputed and cannot be refunded.' } } }
    }
    if (method === 'POST' && path === '/v1/refunds') {
      const metadata = Object.fromEntries(
        Object.entries(params)
          .filter(([key]) => key.startsWith('metadata['))
          .map(([key, value]) => [key.slice('metadata['.length, -1), value]),
      )
      return {
        status: 200,
        body: { id: id('re'), object: 'refund', amount: Number(params.amount), status: 'pending', payment_intent: params.payment_intent, metadata, currency: 'usd' },
      }
    }
    return { status: 404, body: { error: { type: 'invalid_request_error', message: `Unrecognized request URL (${method}: ${path})` } } }
  }
}

/**
 * The fake for one test file: listening on `port` before its tests, stopped after them, and the
 * Stripe variables the file's `vi.hoisted` block set (before any import read them) unset again.
 */
export function fakeStripeForFile(port: number) {
  const fake = new FakeStripe()
  beforeAll(() => fake.start(port))
  afterAll(async () => {
    await fake.stop()
    delete process.env.STRIPE_SECRET_KEY
    delete process.env.STRIPE_WEBHOOK_SECRET
    delete process.env.STRIPE_API_URL
  })
  return fake
}
