import 'server-only'
import Stripe from 'stripe'
import { env } from '@/lib/env'
import { tracer } from '@/lib/telemetry'

let client: Stripe | undefined

/** The Stripe SDK client; STRIPE_API_URL points it at another origin (a local fake in tests). */
export function stripeClient(): Stripe {
  if (!env.STRIPE_SECRET_KEY) throw new Error('STRIPE_SECRET_KEY is not set')
  if (!client) {
    const api = env.STRIPE_API_URL ? new URL(env.STRIPE_API_URL) : null
    client = new Stripe(env.STRIPE_SECRET_KEY, {
      maxNetworkRetries: 2,
      timeout: 20_000,
      appInfo: { name: 'northwind-storefront' },
      ...(api ? { host: api.hostname, port: api.port || (api.protocol === 'https:' ? 443 : 80), protocol: api.protocol.replace(':', '') as 'http' | 'https' } : {}),
    })
    // One span per Stripe API call, timed by the SDK itself (a no-op without a tracer).
    client.on('response', (event: Stripe.ResponseEvent) => {
      const span = tracer.startSpan(`stripe ${event.method} ${event.path.replace(/\/(cs|ch|pi|re|evt)_[A-Za-z0-9_]+/g, '/$1_…')}`, {
        startTime: event.request_start_time,
        attributes: { 'http.request.method': event.method, 'http.response.status_code': event.status, 'stripe.request_id': event.request_id },
      })
      span.end(event.request_end_time)
    })
  }
  return client
}

/** Verifies a webhook's signature over the raw body; throws when it is forged, altered or stale (5 min). */
export function verifyStripeWebhook(rawBody: string, signature: string, secret: string): Stripe.Event {
  return Stripe.webhooks.constructEvent(rawBody, signature, secret)
}
