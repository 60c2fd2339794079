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

/** How far ahead of our clock a signature's timestamp may be (clock skew), like Stripe's tolerance for old ones. */
const FUTURE_TOLERANCE_SECONDS = 300

export class WebhookSignatureError extends Error {}

/**
 * Verifies a webhook's signature over the raw body and returns the parsed body, not yet known to
 * be a Stripe event (see parseStripeEvent). Throws WebhookSignatureError when it is forged,
 * altered, more than 5 minutes old or more than 5 minutes in the future (Stripe's SDK checks only
 * the age), or when the signed body is not JSON.
 */
export function verifyStripeWebhook(rawBody: string, signature: string, secret: string, now = Date.now()): unknown {
  // The SDK reads the last `t=`; so do we.
  const timestamps = signature.split(',').flatMap((part) => (part.startsWith('t=') ? [Number(part.slice(2))] : []))
  const timestamp = timestamps.at(-1)
  if (timestamp !== undefined && Number.isFinite(timestamp) && timestamp > Math.floor(now / 1000) + FUTURE_TOLERANCE_SECONDS) {
    throw new WebhookSignatureError('The signature timestamp is in the future.')
  }
  try {
    return Stripe.webhooks.constructEvent(rawBody, signature, secret, undefined, undefined, now) as unknown
  } catch (error) {
    throw new WebhookSignatureError(error instanceof Error ? error.message : 'Invalid signature.')
  }
}
