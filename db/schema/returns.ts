import { sql } from 'drizzle-orm'
import { bigint, boolean, check, index, integer, pgEnum, pgTable, text, timestamp, unique } from 'drizzle-orm/pg-core'
import { timestamps } from './columns'
import { users } from './auth'
import { orderItems, orders, refunds } from './orders'

/** A return's lifecycle; lib/returns/status.ts owns the transitions between these. */
export const returnStatus = pgEnum('return_status', ['requested', 'approved', 'rejected', 'received', 'refunded', 'closed'])

export const returnReason = pgEnum('return_reason', ['wrong_size', 'damaged', 'not_as_described', 'changed_mind', 'other'])

/** A shopper's request to send items of a delivered order back (RMA). Written only by lib/returns. */
export const returns = pgTable(
  'returns',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    orderId: integer()
      .notNull()
      .references(() => orders.id, { onDelete: 'cascade' }),
    status: returnStatus().notNull().default('requested'),
    reason: returnReason().notNull(),
    /** The shopper's words. */
    note: text().notNull().default(''),
    /** The merchant's answer (why approved or rejected), shown to the shopper and mailed. */
    merchantMessage: text().notNull().default(''),
    requestedByUserId: text().references(() => users.id, { onDelete: 'set null' }),
    /** The refund that paid this return back, and its amount, once refunded. */
    refundId: integer().references(() => refunds.id, { onDelete: 'set null' }),
    refundCents: bigint({ mode: 'number' }),
    /** Set while a refund is with the payment provider, so two clicks never refund a return twice. */
    refundStartedAt: timestamp({ withTimezone: true }),
    approvedAt: timestamp({ withTimezone: true }),
    rejectedAt: timestamp({ withTimezone: true }),
    receivedAt: timestamp({ withTimezone: true }),
    refundedAt: timestamp({ withTimezone: true }),
    /** Closed without a refund: nothing was left to refund, or the merchant decided against one. */
    closedAt: timestamp({ withTimezone: true }),
    ...timestamps,
  },
  (t) => [
    check('returns_note_length', sql`char_length(${t.note}) <= 1000 and char_length(${t.merchantMessage}) <= 1000`),
    check('returns_refund_positive', sql`${t.refundCents} is null or ${t.refundCents} > 0`),
    index('returns_order_idx').on(t.orderId),
    index('returns_status_created_idx').on(t.status, t.createdAt),
  ],
)

/** What is sent back: an order line (by its id) and how many of it. */
export const returnItems = pgTable(
  'return_items',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    returnId: integer()
      .notNull()
      .references(() => returns.id, { onDelete: 'cascade' }),
    orderItemId: integer()
      .notNull()
      .references(() => orderItems.id, { onDelete: 'cascade' }),
    quantity: integer().notNull(),
    /** The merchant's choice when the items arrive: back on the shelf or not. Null until received. */
    restock: boolean(),
  },
  (t) => [
    check('return_items_quantity_positive', sql`${t.quantity} > 0`),
    unique('return_items_return_line_unique').on(t.returnId, t.orderItemId),
    index('return_items_order_item_idx').on(t.orderItemId),
  ],
)

/** The return's timeline: every status change, written in the same transaction as the change. */
export const returnEvents = pgTable(
  'return_events',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    returnId: integer()
      .notNull()
      .references(() => returns.id, { onDelete: 'cascade' }),
    fromStatus: returnStatus(),
    toStatus: returnStatus().notNull(),
    actor: text().$type<'customer' | 'admin' | 'system'>().notNull(),
    actorUserId: text().references(() => users.id, { onDelete: 'set null' }),
    note: text().notNull().default(''),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('return_events_return_idx').on(t.returnId, t.id)],
)
