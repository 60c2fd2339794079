import 'server-only'
import { authSecret, clientIpTrust, configuredSiteUrl, env, isBuildPhase } from './env'

/** Refuse to serve production traffic with a configuration that cannot work safely. */
export function assertProductionConfig() {
  if (env.NODE_ENV === 'production' && !isBuildPhase && !authSecret) {
    console.error('AUTH_SECRET is not set: generate one with `openssl rand -base64 32` and set it in the environment.')
    process.exit(1)
  }
  if (env.NODE_ENV === 'production' && !isBuildPhase && !configuredSiteUrl) {
    // Otherwise every link in mail (password reset, order pages) would point at localhost.
    console.error('SITE_URL is not set: set it to the shop’s public origin, like https://shop.example.com (on Vercel, VERCEL_PROJECT_PRODUCTION_URL or VERCEL_URL is used).')
    process.exit(1)
  }
  if (env.STRIPE_SECRET_KEY && !env.STRIPE_WEBHOOK_SECRET && !isBuildPhase) {
    // Without it every webhook would be refused and no order would ever show as paid.
    console.error('STRIPE_WEBHOOK_SECRET is not set: copy the signing secret (whsec_…) of your webhook endpoint into the environment.')
    process.exit(1)
  }
  if (env.STRIPE_CHECKOUT_UI === 'embedded' && env.STRIPE_SECRET_KEY && !env.STRIPE_PUBLISHABLE_KEY && !isBuildPhase) {
    // Not fatal: checkout falls back to Stripe's hosted page.
    console.warn('STRIPE_CHECKOUT_UI=embedded needs STRIPE_PUBLISHABLE_KEY (pk_…): checkout uses the hosted Stripe page until it is set.')
  }
  if (env.NODE_ENV === 'production' && !isBuildPhase && !clientIpTrust.vercel && clientIpTrust.proxyHops === 0) {
    // Not fatal (a lone server reached directly is a valid setup), but every visitor then shares one
    // rate-limit bucket: 20 failed sign-ins from anyone pause sign-in for everybody.
    console.warn('TRUSTED_PROXY_HOPS is not set: rate limits cannot tell clients apart and count every visitor together. Behind a proxy, set it to the number of proxies (README, Security).')
  }
}
