import { after, type NextRequest, NextResponse } from 'next/server'
import { env } from '@/lib/env'
import { runDueJobs } from '@/lib/jobs/runner'
import { handleStripeEvent } from '@/lib/payments/events'
import { verifyStripeWebhook } from '@/lib/payments/stripe-client'
import { parseStripeEvent } from '@/lib/payments/stripe-events'

/** Stripe's webhook: the only way a Stripe order becomes paid, expired or refunded. */
export async function POST(request: NextRequest) {
  const secret = env.STRIPE_WEBHOOK_SECRET
  if (!env.STRIPE_SECRET_KEY || !secret) {
    // Never a silent 200: Stripe must keep retrying until the shop is configured.
    console.error('Stripe webhook received, but STRIPE_SECRET_KEY or STRIPE_WEBHOOK_SECRET is not set')
    return NextResponse.json({ error: 'Stripe webhooks are not configured on this server.' }, { status: 503 })
  }
  const signature = request.headers.get('stripe-signature')
  if (!signature) return NextResponse.json({ error: 'Missing Stripe-Signature header.' }, { status: 400 })
  const rawBody = await request.text()
  let body: unknown
  try {
    body = verifyStripeWebhook(rawBody, signature, secret)
  } catch {
    return NextResponse.json({ error: 'Invalid signature.' }, { status: 400 })
  }
  // Signed but not a Stripe event we can read: a 400, so it is not redelivered for days.
  const parsed = parseStripeEvent(body)
  if (!parsed.ok) {
    console.warn('Stripe webhook with a malformed event', { error: parsed.error })
    return NextResponse.json({ error: parsed.error }, { status: 400 })
  }
  const event = parsed.event
  try {
    const outcome = await handleStripeEvent(event, 'stripe')
    after(() => runDueJobs().catch((error) => console.error('jobs after webhook failed', error)))
    return NextResponse.json({ received: true, outcome })
  } catch (error) {
    // A 500 makes Stripe redeliver the event; nothing of it was applied (one transaction).
    console.error('Stripe webhook failed', { id: event.id, type: event.type, error })
    return NextResponse.json({ error: 'The event could not be processed; it will be retried.' }, { status: 500 })
  }
}
