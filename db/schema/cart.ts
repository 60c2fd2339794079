import { check, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core'
import { timestamps } from './columns'
import { sql } from 'drizzle-orm'
import { users } from './auth'
import { products } from './catalog'
import { productVariants } from './variants'

/** A guest's cart (no user, found through a signed cookie) or a signed-in shopper's cart (one per user). */
export const carts = pgTable(
  'carts',
  {
    id: text()
      .primaryKey()
      .$defaultFn(() => crypto.randomUUID()),
    userId: text().references(() => users.id, { onDelete: 'cascade' }),
    /** The promotion code the shopper entered (normalized), checked again at every pricing. */
    promotionCode: text(),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('carts_user_idx')
      .on(t.userId)
      .where(sql`${t.userId} is not null`),
    index('carts_updated_idx').on(t.updatedAt),
  ],
)

export const cartItems = pgTable(
  'cart_items',
  {
    cartId: text()
      .notNull()
      .references(() => carts.id, { onDelete: 'cascade' }),
    productId: integer()
      .notNull()
      .references(() => products.id, { onDelete: 'cascade' }),
    variantId: integer()
      .notNull()
      .references(() => productVariants.id, { onDelete: 'cascade' }),
    quantity: integer().notNull(),
    /** The price the shopper saw when adding the line, so a later price change can be flagged. */
    seenPriceCents: integer().notNull(),
    addedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.cartId, t.variantId] }), check('cart_items_quantity_positive', sql`${t.quantity} > 0`)],
)
