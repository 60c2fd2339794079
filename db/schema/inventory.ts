import { index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core'
import { users } from './auth'
import { products } from './catalog'
import { orders } from './orders'
import { productVariants } from './variants'

/** Every change to a variant's stock, with the reason; `stockAfter` is the level it left. */
export const stockMovements = pgTable(
  'stock_movements',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    productId: integer()
      .notNull()
      .references(() => products.id, { onDelete: 'cascade' }),
    variantId: integer()
      .notNull()
      .references(() => productVariants.id, { onDelete: 'cascade' }),
    delta: integer().notNull(),
    stockAfter: integer().notNull(),
    reason: text().$type<'reservation' | 'release' | 'restock' | 'adjustment' | 'import'>().notNull(),
    note: text().notNull().default(''),
    orderId: integer().references(() => orders.id, { onDelete: 'set null' }),
    userId: text().references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('stock_movements_product_idx').on(t.productId, t.id), index('stock_movements_variant_idx').on(t.variantId, t.id)],
)
