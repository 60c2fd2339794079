import { sql } from 'drizzle-orm'
import { bigint, boolean, char, check, index, integer, jsonb, pgEnum, pgTable, text, timestamp } from 'drizzle-orm/pg-core'
import { timestamps } from './columns'
import { users } from './auth'
import { products } from './catalog'
import { productVariants } from './variants'

import { shippingMethods } from './shipping'

/** The order lifecycle; lib/orders/state-machine.ts owns the transitions between these. */
export const orderStatus = pgEnum('order_status', ['pending', 'paid', 'shipped', 'delivered', 'cancelled', 'partially_refunded', 'refunded'])

/** What the payment provider says of the payment itself (an async payment can be "processing" while the order is pending). */
export const paymentState = pgEnum('payment_state', ['unpaid', 'processing', 'paid', 'failed'])

/** `free`: an order that came to nothing (a 100 % code, free samples) is confirmed without a payment page. */
export const paymentProvider = pgEnum('payment_provider', ['stripe', 'demo', 'free'])

export type ShippingAddress = {
  fullName: string
  line1: string
  line2: string
  city: string
  region: string
  postalCode: string
  country: string
  phone: string
}

export const orders = pgTable(
  'orders',
  {
    // Shown to shoppers as their order number, so it starts at a five-digit number.
    id: integer().primaryKey().generatedAlwaysAsIdentity({ startWith: 10001 }),
    /** Lets a guest open the order page without an account (the link in the success page and the email). */
    accessKey: text().notNull().unique(),
    userId: text().references(() => users.id, { onDelete: 'set null' }),
    /** The cart checked out, emptied once the order is paid (no foreign key: carts come and go). */
    cartId: text(),
    email: text().notNull(),
    status: orderStatus().notNull().default('pending'),
    paymentState: paymentState().notNull().default('unpaid'),
    provider: paymentProvider().notNull(),
    checkoutSessionId: text().unique(),
    paymentIntentId: text(),
    currency: char({ length: 3 }).notNull(),
    // Money in orders is bigint (read as a JS number): a total can pass 2^31 cents even when every price and quantity is bounded.
    subtotalCents: bigint({ mode: 'number' }).notNull(),
    shippingCents: bigint({ mode: 'number' }).notNull().default(0),
    /** What promotions took off the items (the sum of order_items.discount_cents) and off shipping. */
    discountCents: bigint({ mode: 'number' }).notNull().default(0),
    shippingDiscountCents: bigint({ mode: 'number' }).notNull().default(0),
    totalCents: bigint({ mode: 'number' }).notNull(),
    refundedCents: bigint({ mode: 'number' }).notNull().default(0),
    /** Tax on the order: included in the total when prices exclude tax, already in the prices when they include it. */
    taxCents: bigint({ mode: 'number' }).notNull().default(0),
    /** Who computed the tax: nobody (`none`), our rate table (`table`), or Stripe Tax (`stripe`, recorded by the webhook). */
    taxMode: text().$type<'none' | 'table' | 'stripe'>().notNull().default('none'),
    pricesIncludeTax: boolean().notNull().default(false),
    /** What the shop's rate table called the tax at checkout ("Sales tax", "VAT"); null when Stripe computed it, or before migration 0016. */
    taxName: text(),
    /** What the shopper wrote for the shop at checkout (delivery instructions, a gift message); null: nothing. */
    customerNote: text(),
    /** The shipping method chosen at checkout (its name kept as it was then). */
    shippingMethodId: integer().references(() => shippingMethods.id, { onDelete: 'set null' }),
    shippingMethodName: text().notNull().default(''),
    /** The destination shipping and tax were computed for (the country and region chosen in the cart). */
    destinationCountry: char({ length: 2 }),
    destinationRegion: text().notNull().default(''),
    shippingAddress: jsonb().$type<ShippingAddress>(),
    shippingCarrier: text(),
    trackingNumber: text(),
    /** When the checkout session (and so the stock reservation) expires if unpaid. */
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    /** Set once the reserved stock went back on the shelf, so it is never returned twice. */
    stockReleasedAt: timestamp({ withTimezone: true }),
    paidAt: timestamp({ withTimezone: true }),
    ...timestamps,
  },
  (t) => [
    check('orders_amounts_nonnegative', sql`${t.subtotalCents} >= 0 and ${t.shippingCents} >= 0 and ${t.totalCents} >= 0`),
    check('orders_tax_nonnegative', sql`${t.taxCents} >= 0`),
    check('orders_discounts_nonnegative', sql`${t.discountCents} >= 0 and ${t.shippingDiscountCents} >= 0`),
    check('orders_refund_bounds', sql`${t.refundedCents} >= 0 and ${t.refundedCents} <= ${t.totalCents}`),
    index('orders_user_created_idx').on(t.userId, t.createdAt),
    index('orders_email_idx').on(sql`lower(${t.email})`),
    index('orders_status_created_idx').on(t.status, t.createdAt),
    index('orders_created_idx').on(t.createdAt),
    index('orders_pending_expiry_idx')
      .on(t.expiresAt)
      .where(sql`${t.status} = 'pending'`),
    index('orders_payment_intent_idx').on(t.paymentIntentId),
  ],
)

/** What was bought, as it was at checkout: later catalog changes never alter an order. */
export const orderItems = pgTable(
  'order_items',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    orderId: integer()
      .notNull()
      .references(() => orders.id, { onDelete: 'cascade' }),
    productId: integer()
      .notNull()
      .references(() => products.id, { onDelete: 'restrict' }),
    variantId: integer()
      .notNull()
      .references(() => productVariants.id, { onDelete: 'restrict' }),
    productSlug: text().notNull(),
    name: text().notNull(),
    sku: text().notNull().default(''),
    /** The option values bought, e.g. "42 / Black"; '' for a product without options. */
    variantTitle: text().notNull().default(''),
    unitPriceCents: bigint({ mode: 'number' }).notNull(),
    quantity: integer().notNull(),
    /** This line's share of the order's tax. */
    taxCents: bigint({ mode: 'number' }).notNull().default(0),
    /** What promotions took off this line (of unit price × quantity); a refund of the line returns the rest. */
    discountCents: bigint({ mode: 'number' }).notNull().default(0),
  },
  (t) => [
    check('order_items_discount_bounds', sql`${t.discountCents} >= 0 and ${t.discountCents} <= ${t.unitPriceCents} * ${t.quantity}`),
    check('order_items_quantity_positive', sql`${t.quantity} > 0`),
    check('order_items_price_nonnegative', sql`${t.unitPriceCents} >= 0`),
    index('order_items_order_idx').on(t.orderId),
    index('order_items_product_idx').on(t.productId),
    index('order_items_variant_idx').on(t.variantId),
  ],
)

/** The order's timeline: every status change, written in the same transaction as the change. */
export const orderEvents = pgTable(
  'order_events',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    orderId: integer()
      .notNull()
      .references(() => orders.id, { onDelete: 'cascade' }),
    fromStatus: orderStatus(),
    toStatus: orderStatus().notNull(),
    /** Who or what made the change: `customer`, `admin`, `stripe`, `demo` or `system`. */
    actor: text().$type<'customer' | 'admin' | 'stripe' | 'demo' | 'system'>().notNull(),
    actorUserId: text().references(() => users.id, { onDelete: 'set null' }),
    note: text().notNull().default(''),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('order_events_order_idx').on(t.orderId, t.id)],
)

export const refundStatus = pgEnum('refund_status', ['pending', 'succeeded', 'failed', 'canceled'])

export const refunds = pgTable(
  'refunds',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    orderId: integer()
      .notNull()
      .references(() => orders.id, { onDelete: 'cascade' }),
    amountCents: bigint({ mode: 'number' }).notNull(),
    /** The tax returned with this refund (its share of the order's tax). */
    taxCents: bigint({ mode: 'number' }).notNull().default(0),
    status: refundStatus().notNull().default('pending'),
    /** The provider's id (Stripe `re_…`); null until the provider accepted the request. */
    providerRefundId: text().unique(),
    /** Put the refunded items back in stock (the merchant's choice). */
    restock: boolean().notNull().default(false),
    reason: text().notNull().default(''),
    createdByUserId: text().references(() => users.id, { onDelete: 'set null' }),
    ...timestamps,
  },
  (t) => [check('refunds_amount_positive', sql`${t.amountCents} > 0`), index('refunds_order_idx').on(t.orderId)],
)

/** Every payment event handled, by the provider's event id: a redelivered event is a no-op. */
export const paymentEvents = pgTable(
  'payment_events',
  {
    id: text().primaryKey(),
    provider: paymentProvider().notNull(),
    type: text().notNull(),
    orderId: integer().references(() => orders.id, { onDelete: 'set null' }),
    /**
     * A refund event that arrived before the payment it refunds was matched to an order: kept here
     * (in our own PaymentEvent shape) and applied once an order gets this payment intent.
     */
    paymentIntentId: text(),
    deferred: jsonb(),
    receivedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('payment_events_order_idx').on(t.orderId),
    index('payment_events_deferred_idx')
      .on(t.paymentIntentId)
      .where(sql`${t.deferred} is not null`),
  ],
)
