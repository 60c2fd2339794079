import 'server-only'
import { randomBytes } from 'node:crypto'
import { and, asc, eq, inArray } from 'drizzle-orm'
import { db } from '@/db/client'
import { orderEvents, orderItems, orders, users } from '@/db/schema'
import { getDefaultAddress } from '@/lib/account/addresses'
import { setStripeCustomerId } from '@/lib/auth/users'
import { MAX_ORDER_TOTAL_CENTS } from '@/lib/bounds'
import { acceptCurrentPrices, type Cart, type CartLine, loadCart } from '@/lib/cart/cart'
import { cartLineKey } from '@/lib/cart/totals'
import { invalidateProducts } from '@/lib/catalog/cache'
import { checkoutUi, siteUrl } from '@/lib/env'
import { lineName } from '@/lib/catalog/variant-options'
import { formatMoney } from '@/lib/money'
import { OutOfStockError, reserveStock } from '@/lib/inventory/stock'
import { freeProvider } from '@/lib/payments/free'
import { checkoutProvider, providerFor } from '@/lib/payments/provider'
import { chargeLines } from '@/lib/pricing/charge-lines'
import type { ShippingWanted } from '@/lib/pricing/quote'
import { taxLabel } from '@/lib/pricing/tax'
import { cartDestination } from '@/lib/shipping/destination'
import type { Destination } from '@/lib/shipping/validation'
import type { PricingResult } from '@/lib/pricing/types'
import { redeemPromotions } from '@/lib/promotions/redemptions'
import type { CheckoutCustomer, PaymentProvider, PaymentProviderName } from '@/lib/payments/types'
import { cancelUnpaidOrder } from './cancel'

/** Stripe wants a session to live at least 30 minutes; the margin covers the time to create it. */
export const CHECKOUT_MINUTES = 31

/** An open attempt is reused only while it leaves the shopper this long to pay. */
const REUSE_MIN_MINUTES = 10

class PromotionUsedUpError extends Error {
  constructor(readonly code: string) {
    super(`promotion ${code} used up`)
  }
}

/** The pricing with exclusive tax taken back out of each line, for charging the tax as its own line. */
function withoutAddedTax(pricing: PricingResult): Pick<PricingResult, 'lines'> {
  if (pricing.taxInclusive) return pricing
  return { lines: pricing.lines.map((line) => ({ ...line, totalCents: line.totalCents - line.taxCents })) }
}

function pricedTaxCode(pricing: PricingResult, lineKey: string) {
  return pricing.lines.find((line) => line.lineKey === lineKey)?.taxCode ?? null
}

export type CheckoutResult = { ok: true; orderId: number; url: string } | { ok: false; error: string }

function lineProblem(line: CartLine) {
  const name = lineName(line.name, line.variantTitle)
  switch (line.issue) {
    case 'inactive':
      return `${name} is no longer sold`
    case 'out_of_stock':
      return `${name} is sold out`
    case 'insufficient_stock':
      return `only ${line.stock} of ${name} ${line.stock === 1 ? 'is' : 'are'} left`
    default:
      return null
  }
}

/** A signed-in shopper with a saved default address gets it prefilled on the payment page. */
async function checkoutCustomer(userId: string): Promise<CheckoutCustomer | null> {
  const [address, [user]] = await Promise.all([getDefaultAddress(userId), db.select({ name: users.name, stripeCustomerId: users.stripeCustomerId }).from(users).where(eq(users.id, userId))])
  if (!address || !user) return null
  const { fullName, line1, line2, city, region, postalCode, country, phone } = address
  return { userId, providerCustomerId: user.stripeCustomerId, name: user.name, shipping: { fullName, line1, line2, city, region, postalCode, country, phone } }
}

type OpenAttempt = {
  id: number
  email: string
  provider: PaymentProviderName
  checkoutSessionId: string | null
  currency: string
  totalCents: number
  expiresAt: Date
  shippingMethodId: number | null
  destinationCountry: string | null
  destinationRegion: string
  items: { variantId: number; productSlug: string; unitPriceCents: number; quantity: number }[]
}

/** Checkouts started from this cart and never paid (nor being paid): what a retry finds. */
async function openAttempts(cartId: string): Promise<OpenAttempt[]> {
  const rows = await db
    .select({
      id: orders.id,
      email: orders.email,
      provider: orders.provider,
      checkoutSessionId: orders.checkoutSessionId,
      currency: orders.currency,
      totalCents: orders.totalCents,
      expiresAt: orders.expiresAt,
      shippingMethodId: orders.shippingMethodId,
      destinationCountry: orders.destinationCountry,
      destinationRegion: orders.destinationRegion,
    })
    .from(orders)
    .where(and(eq(orders.cartId, cartId), eq(orders.status, 'pending'), eq(orders.paymentState, 'unpaid')))
    .orderBy(asc(orders.id))
  if (rows.length === 0) return []
  const items = await db
    .select({ orderId: orderItems.orderId, variantId: orderItems.variantId, productSlug: orderItems.productSlug, unitPriceCents: orderItems.unitPriceCents, quantity: orderItems.quantity })
    .from(orderItems)
    .where(
      inArray(
        orderItems.orderId,
        rows.map((row) => row.id),
      ),
    )
  return rows.map((row) => ({ ...row, items: items.filter((item) => item.orderId === row.id) }))
}

/** The attempt holds exactly what the cart holds now, at today's prices, for the same email. */
function attemptMatches(attempt: OpenAttempt, cart: Awaited<ReturnType<typeof loadCart>>, email: string, providerName: string) {
  if (attempt.provider !== providerName || attempt.email !== email || !attempt.checkoutSessionId) return false
  // Same destination and method (the cart priced for the shopper's choice now).
  if (!cart.shipping.ok || attempt.shippingMethodId !== cart.shipping.chosen.methodId) return false
  if (attempt.destinationCountry !== cart.shipping.destination.country || attempt.destinationRegion !== cart.shipping.destination.region) return false
  // Not the cart's totals: they leave out lines short of stock, which this attempt's hold may be.
  if (attempt.currency !== cart.currency) return false
  // Same lines but a code added, removed or no longer valid: a new price, so a new attempt.
  if (attempt.totalCents !== cart.pricing.totalCents) return false
  if (attempt.expiresAt.getTime() - Date.now() < REUSE_MIN_MINUTES * 60_000) return false
  if (attempt.items.length !== cart.lines.length) return false
  return cart.lines.every(
    (line) => line.issue !== 'inactive' && attempt.items.some((item) => item.variantId === line.variantId && item.quantity === line.quantity && item.unitPriceCents === line.unitPriceCents),
  )
}

/** Ends an attempt the shopper replaced: cancelled (its stock back on sale) and its payment page closed. */
async function releaseAttempt(attempt: OpenAttempt, userId: string | null) {
  await cancelUnpaidOrder({
    orderId: attempt.id,
    actor: 'customer',
    actorUserId: userId,
    note: 'Replaced by a new checkout of a changed cart; the reserved stock is back on sale.',
    from: 'action',
  })
}

/** Who takes the payment: the shop's provider, unless the order comes to nothing (no payment page could charge it). */
function paymentFor(provider: PaymentProvider, totalCents: number) {
  return totalCents === 0 ? freeProvider : provider
}

/**
 * A retry after a declined card, a cancelled payment page or a second click reuses the open
 * attempt when the cart is unchanged: same order, same payment page, same reserved stock. Any
 * other open attempt of this cart is released at once, so a retry never leaves a second order
 * holding stock. Returns the payment page to reuse, if any.
 */
async function settleOpenAttempts(provider: PaymentProvider, cartId: string, userId: string | null, email: string, shipping: ShippingWanted): Promise<Extract<CheckoutResult, { ok: true }> | null> {
  const attempts = await openAttempts(cartId)
  if (attempts.length === 0) return null
  const cart = await loadCart(cartId, db, { customerEmail: email, shipping })
  let reused: Extract<CheckoutResult, { ok: true }> | null = null
  for (const attempt of attempts) {
    try {
      if (!reused && attempt.checkoutSessionId && attemptMatches(attempt, cart, email, paymentFor(provider, cart.pricing.totalCents).name)) {
        const session = await providerFor(attempt.provider).retrieveCheckoutSession(attempt.checkoutSessionId)
        if (session.status === 'open' && session.url) {
          reused = { ok: true, orderId: attempt.id, url: session.url }
          continue
        }
        if (session.status === 'complete') continue
      }
      await releaseAttempt(attempt, userId)
    } catch (error) {
      // The new checkout goes ahead; the sweeper releases this attempt when it expires.
      console.error('could not reuse or release an open checkout', { orderId: attempt.id, error })
    }
  }
  return reused
}

/**
 * Turns a cart into a pending order and sends the shopper to pay. In one transaction: re-reads
 * the cart at current database prices, writes the order with item snapshots and totals, and
 * reserves the stock with conditional decrements (never oversold). Then asks the payment provider
 * for a checkout session; if that fails, the order is cancelled and the stock released.
 * An open attempt of the same cart is reused or released first (see settleOpenAttempts).
 */
export async function startCheckout(input: {
  cartId: string | null
  userId: string | null
  email: string
  /** Where it ships (the cart's choice); default: the shopper's default address, else the home country. */
  destination?: Destination | null
  /** The shipping method chosen in the cart; null: the destination zone's first method. */
  shippingMethodId?: number | null
  /** The shopper's note for the shop (delivery instructions, a gift message). */
  note?: string | null
}): Promise<CheckoutResult> {
  const provider = checkoutProvider()
  if (!provider) return { ok: false, error: 'Payments are not set up on this shop yet, so orders cannot be placed. Please try again later.' }
  if (!input.cartId) return { ok: false, error: 'Your cart is empty.' }
  const cartId = input.cartId
  const shipping: ShippingWanted = { destination: input.destination ?? (await cartDestination({}, input.userId)), shippingMethodId: input.shippingMethodId ?? null }
  const reused = await settleOpenAttempts(provider, cartId, input.userId, input.email, shipping)
  if (reused) {
    // The same order and payment page; a note changed since goes with it.
    await db
      .update(orders)
      .set({ customerNote: input.note ?? null })
      .where(eq(orders.id, reused.orderId))
    return reused
  }

  let placed: { orderId: number; payment: PaymentProvider; lines: CartLine[]; soldOut: boolean; pricing: PricingResult; quote: Extract<Cart['shipping'], { ok: true }>; expiresAt: Date }
  try {
    const outcome = await db.transaction(async (tx) => {
      const cart = await loadCart(cartId, tx, { customerEmail: input.email, lockPromotion: true, shipping })
      const { pricing } = cart
      if (cart.lines.length === 0) return { ok: false as const, error: 'Your cart is empty.' }
      const problems = cart.lines.map(lineProblem).filter((problem) => problem !== null)
      if (problems.length > 0) return { ok: false as const, error: `Please update your cart first: ${problems.join('; ')}.` }
      if (cart.lines.some((line) => line.issue === 'price_changed')) return { ok: false as const, error: 'price_changed' }
      if (new Set(cart.lines.map((line) => line.currency)).size > 1) {
        return { ok: false as const, error: 'Items priced in different currencies cannot be paid together. Please check them out separately.' }
      }
      // A code the shopper saw apply in the cart but that no longer does (used up meanwhile,
      // expired, already used with this email) stops the checkout rather than charging more.
      if (cart.promotionCode && pricing.codeRejection && pricing.codeRejection.reason !== 'no_saving') {
        return { ok: false as const, error: `${pricing.codeRejection.message} Remove the code from your cart to check out without it.` }
      }
      // The method must be one of the destination zone's (another zone's or a made-up id is refused).
      const quote = cart.shipping
      if (!quote.ok) return { ok: false as const, error: quote.error }
      if (pricing.totalCents > MAX_ORDER_TOTAL_CENTS) {
        return {
          ok: false as const,
          error: `One order can come to at most ${formatMoney(MAX_ORDER_TOTAL_CENTS, cart.currency)}, and this one is ${formatMoney(pricing.totalCents, cart.currency)}. Lower some quantities and check out again.`,
        }
      }
      const payment = paymentFor(provider, pricing.totalCents)
      const minimumCharge = payment.minimumChargeCents(cart.currency)
      if (minimumCharge !== null && pricing.totalCents < minimumCharge) {
        const withoutCode = cart.promotionCode ? ', or check out without the code' : ''
        return {
          ok: false as const,
          error: `Card payments start at ${formatMoney(minimumCharge, cart.currency)}, and this order comes to ${formatMoney(pricing.totalCents, cart.currency)}. Add to your cart to reach ${formatMoney(minimumCharge, cart.currency)}${withoutCode}.`,
        }
      }
      const expiresAt = new Date(Date.now() + CHECKOUT_MINUTES * 60_000)
      const [order] = await tx
        .insert(orders)
        .values({
          accessKey: randomBytes(24).toString('base64url'),
          userId: input.userId,
          cartId,
          email: input.email,
          provider: payment.name,
          currency: cart.currency,
          subtotalCents: pricing.subtotalCents,
          discountCents: pricing.discountCents,
          shippingCents: pricing.shippingCents,
          shippingDiscountCents: pricing.shippingDiscountCents,
          taxCents: pricing.taxCents,
          taxMode: quote.taxRule.mode,
          pricesIncludeTax: pricing.taxInclusive,
          taxName: quote.taxRule.mode === 'table' ? quote.taxRule.name : null,
          customerNote: input.note ?? null,
          shippingMethodId: quote.chosen.methodId,
          shippingMethodName: quote.chosen.name,
          destinationCountry: quote.destination.country,
          destinationRegion: quote.destination.region,
          totalCents: pricing.totalCents,
          expiresAt,
        })
        .returning({ id: orders.id })
      if (!order) throw new Error('order not written')
      await tx.insert(orderItems).values(
        cart.lines.map((line) => ({
          orderId: order.id,
          productId: line.productId,
          variantId: line.variantId,
          productSlug: line.slug,
          name: line.name,
          sku: line.sku,
          variantTitle: line.variantTitle,
          unitPriceCents: line.unitPriceCents,
          quantity: line.quantity,
          discountCents: pricing.lines.find((priced) => priced.lineKey === cartLineKey(line))?.discountCents ?? 0,
          taxCents: pricing.lines.find((priced) => priced.lineKey === cartLineKey(line))?.taxCents ?? 0,
        })),
      )
      const { soldOut } = await reserveStock(tx, order.id, cart.lines)
      const redeemed = await redeemPromotions(tx, { orderId: order.id, email: input.email, pricing })
      if (!redeemed.ok) throw new PromotionUsedUpError(redeemed.code)
      await tx.insert(orderEvents).values({
        orderId: order.id,
        toStatus: 'pending',
        actor: 'customer',
        actorUserId: input.userId,
        note: payment.name === 'free' ? 'Order placed; stock reserved until the shopper confirms it.' : 'Order placed; stock reserved while the payment is made.',
      })
      return { ok: true as const, orderId: order.id, payment, lines: cart.lines, soldOut, pricing, quote, expiresAt }
    })
    if (!outcome.ok) {
      if (outcome.error !== 'price_changed') return outcome
      await acceptCurrentPrices(cartId)
      return { ok: false, error: 'Some prices changed since you added those items. Please check the new total, then check out again.' }
    }
    placed = outcome
  } catch (error) {
    if (error instanceof PromotionUsedUpError) {
      return { ok: false, error: `The code ${error.code} has just been used up. Remove it from your cart to check out without it.` }
    }
    if (error instanceof OutOfStockError) {
      return { ok: false, error: 'Someone bought the last units of an item in your cart just now. Please review your cart and try again.' }
    }
    throw error
  }

  invalidateProducts(
    placed.lines.map((line) => line.slug),
    'action',
    placed.soldOut,
  )
  try {
    const customer = input.userId ? await checkoutCustomer(input.userId) : null
    const session = await placed.payment.createCheckoutSession({
      orderId: placed.orderId,
      email: input.email,
      customer,
      currency: placed.pricing.currency,
      // Lines and shipping net of tax added on top: the tax is charged as its own line (or by Stripe Tax).
      lines: chargeLines(withoutAddedTax(placed.pricing), (lineKey) => {
        const line = placed.lines.find((candidate) => cartLineKey(candidate) === lineKey)
        return { name: line ? lineName(line.name, line.variantTitle) : 'Item', imageUrl: line?.imageUrl ?? null, taxCode: pricedTaxCode(placed.pricing, lineKey) }
      }),
      shippingCents: placed.pricing.shipping.totalCents - (placed.pricing.taxInclusive ? 0 : placed.pricing.shipping.taxCents),
      shippingMethod: placed.quote.chosen,
      allowedCountries: placed.quote.addressCountries,
      tax: {
        automatic: placed.quote.taxRule.mode === 'stripe',
        pricesIncludeTax: placed.pricing.taxInclusive,
        taxCents: placed.pricing.taxCents,
        label: taxLabel(placed.quote.taxRule),
      },
      uiMode: checkoutUi,
      expiresAt: placed.expiresAt,
      successUrl: `${siteUrl}/checkout/success`,
      cancelUrl: `${siteUrl}/cart?checkout=cancelled`,
    })
    await db.update(orders).set({ checkoutSessionId: session.id }).where(eq(orders.id, placed.orderId))
    if (input.userId && session.providerCustomerId && session.providerCustomerId !== customer?.providerCustomerId) {
      await setStripeCustomerId(input.userId, session.providerCustomerId)
    }
    return { ok: true, orderId: placed.orderId, url: session.url }
  } catch (error) {
    console.error('checkout session could not be created', { orderId: placed.orderId, error })
    await cancelUnpaidOrder({ orderId: placed.orderId, actor: 'system', note: 'The payment page could not be opened.', from: 'action' })
    return { ok: false, error: 'We could not open the payment page just now. Nothing was charged; please try again in a moment.' }
  }
}
