import { sql } from 'drizzle-orm'
import { bigint, boolean, char, check, index, integer, pgEnum, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core'
import { timestamps } from './columns'
import { orders } from './orders'

/** Owner: lib/promotions (the admin writes through it; checkout redeems through it). */

export const promotionKind = pgEnum('promotion_kind', ['percentage', 'fixed', 'free_shipping'])
export const promotionScope = pgEnum('promotion_scope', ['order', 'items'])

export const promotions = pgTable(
  'promotions',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    name: text().notNull(),
    /** Upper case, no spaces (lib/pricing normalizeCode); null for an automatic promotion. */
    code: text(),
    kind: promotionKind().notNull(),
    /** For `percentage`: 1 % = 100. */
    percentBasisPoints: integer(),
    /** For `fixed`. */
    amountCents: integer(),
    currency: char({ length: 3 }).notNull().default('USD'),
    scope: promotionScope().notNull().default('order'),
    /** For scope `items`: the products and categories it applies to. */
    productIds: integer()
      .array()
      .notNull()
      .default(sql`'{}'::integer[]`),
    categoryIds: integer()
      .array()
      .notNull()
      .default(sql`'{}'::integer[]`),
    minSubtotalCents: integer().notNull().default(0),
    startsAt: timestamp({ withTimezone: true }),
    endsAt: timestamp({ withTimezone: true }),
    /** Total uses allowed; null = unlimited. */
    usageLimit: integer(),
    onePerCustomer: boolean().notNull().default(false),
    active: boolean().notNull().default(true),
    /** Uses held by orders (paid or still being paid); a released use is subtracted again. */
    usesCount: integer().notNull().default(0),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('promotions_code_idx')
      .on(t.code)
      .where(sql`${t.code} is not null`),
    index('promotions_automatic_idx')
      .on(t.id)
      .where(sql`${t.code} is null and ${t.active}`),
    check(
      'promotions_value',
      sql`(${t.kind} = 'percentage' and ${t.percentBasisPoints} between 1 and 10000 and ${t.amountCents} is null)
        or (${t.kind} = 'fixed' and ${t.amountCents} > 0 and ${t.percentBasisPoints} is null)
        or (${t.kind} = 'free_shipping' and ${t.amountCents} is null and ${t.percentBasisPoints} is null)`,
    ),
    check('promotions_dates', sql`${t.startsAt} is null or ${t.endsAt} is null or ${t.endsAt} > ${t.startsAt}`),
    check('promotions_usage', sql`(${t.usageLimit} is null or ${t.usageLimit} > 0) and ${t.usesCount} >= 0`),
    check('promotions_min_subtotal', sql`${t.minSubtotalCents} >= 0`),
  ],
)

/**
 * A promotion used by an order, with what it took off. Written with the order at checkout;
 * `released_at` is set when the order is cancelled or expires unpaid, giving the use back.
 */
export const promotionRedemptions = pgTable(
  'promotion_redemptions',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    promotionId: integer()
      .notNull()
      .references(() => promotions.id, { onDelete: 'restrict' }),
    orderId: integer()
      .notNull()
      .references(() => orders.id, { onDelete: 'cascade' }),
    /** The code as redeemed (null for an automatic promotion). */
    code: text(),
    /** lower(email) of the order: what one-per-customer counts. */
    customerEmail: text().notNull(),
    discountCents: bigint({ mode: 'number' }).notNull().default(0),
    shippingDiscountCents: bigint({ mode: 'number' }).notNull().default(0),
    releasedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('promotion_redemptions_order_promotion_idx').on(t.orderId, t.promotionId),
    index('promotion_redemptions_customer_idx').on(t.promotionId, t.customerEmail),
    check('promotion_redemptions_amounts', sql`${t.discountCents} >= 0 and ${t.shippingDiscountCents} >= 0`),
  ],
)
