import { sql } from 'drizzle-orm'
import { boolean, check, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core'
import { timestamps } from './columns'
import { users } from './auth'
import { products } from './catalog'
import { productVariants } from './variants'

/**
 * A saved list of products (owner: lib/wishlist): a guest's (no user, found through a signed
 * cookie) or a signed-in shopper's (one per user). Public lists are read through `shareToken`.
 */
export const wishlists = pgTable(
  'wishlists',
  {
    id: text()
      .primaryKey()
      .$defaultFn(() => crypto.randomUUID()),
    userId: text().references(() => users.id, { onDelete: 'cascade' }),
    /** The only personal detail a public list shows. */
    displayName: text(),
    isPublic: boolean().notNull().default(false),
    /** Random, unguessable; the public page's address (/wishlist/<token>). Kept when the list goes private, so a re-shared link still works. */
    shareToken: text().unique(),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('wishlists_user_idx')
      .on(t.userId)
      .where(sql`${t.userId} is not null`),
    check('wishlists_public_needs_name', sql`not ${t.isPublic} or (${t.displayName} is not null and ${t.shareToken} is not null)`),
  ],
)

export const wishlistItems = pgTable(
  'wishlist_items',
  {
    wishlistId: text()
      .notNull()
      .references(() => wishlists.id, { onDelete: 'cascade' }),
    productId: integer()
      .notNull()
      .references(() => products.id, { onDelete: 'cascade' }),
    addedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.wishlistId, t.productId] }), index('wishlist_items_product_idx').on(t.productId)],
)

/** Mail topics a person can opt out of, by address (owner: lib/mail/opt-outs). Signed-in or not, the address is what gets the mail. */
export const mailOptOuts = pgTable(
  'mail_opt_outs',
  {
    email: text().notNull(),
    topic: text().$type<'cart-reminders'>().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.email, t.topic] }), check('mail_opt_outs_email_lower', sql`${t.email} = lower(${t.email})`)],
)

/** One row per reminder sent (owner: lib/cart-reminders): a cart is reminded once per set of contents. */
export const cartReminders = pgTable(
  'cart_reminders',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    /** No foreign key: a reminded cart may be deleted (merged, checked out) and the record stays. */
    cartId: text().notNull(),
    /** md5 of the cart's lines (item:quantity, sorted) when the reminder was queued. */
    contentsHash: text().notNull(),
    email: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('cart_reminders_cart_contents_idx').on(t.cartId, t.contentsHash)],
)

/**
 * "Email me when it's back" (owner: lib/stock-alerts): one waiting subscription per address and
 * item; `notifiedAt` is set in the transaction that puts the item back in stock, with one job per row.
 */
export const stockAlerts = pgTable(
  'stock_alerts',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    /** What the subscriber waits for: a sold-out variant (a product without options has one). */
    variantId: integer()
      .notNull()
      .references(() => productVariants.id, { onDelete: 'cascade' }),
    /** The variant's product, for demand per product in the admin. */
    productId: integer()
      .notNull()
      .references(() => products.id, { onDelete: 'cascade' }),
    /** Lower-cased. */
    email: text().notNull(),
    userId: text().references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    notifiedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    uniqueIndex('stock_alerts_waiting_idx')
      .on(t.variantId, t.email)
      .where(sql`${t.notifiedAt} is null`),
    index('stock_alerts_product_waiting_idx')
      .on(t.productId)
      .where(sql`${t.notifiedAt} is null`),
    index('stock_alerts_email_idx').on(t.email, t.createdAt),
    check('stock_alerts_email_lower', sql`${t.email} = lower(${t.email})`),
  ],
)
