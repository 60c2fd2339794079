import { sql } from 'drizzle-orm'
import { boolean, check, index, integer, pgEnum, pgTable, primaryKey, smallint, text, timestamp, unique } from 'drizzle-orm/pg-core'
import { timestamps } from './columns'
import { users } from './auth'
import { products } from './catalog'

/** A shopper's review of a product: one per shopper and product. Hidden reviews count nowhere. */
export const reviews = pgTable(
  'reviews',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    productId: integer()
      .notNull()
      .references(() => products.id, { onDelete: 'cascade' }),
    userId: text()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    rating: smallint().notNull(),
    title: text().notNull(),
    body: text().notNull(),
    hidden: boolean().notNull().default(false),
    hiddenReason: text(),
    hiddenBy: text().references(() => users.id, { onDelete: 'set null' }),
    hiddenAt: timestamp({ withTimezone: true }),
    helpfulCount: integer().notNull().default(0),
    reportCount: integer().notNull().default(0),
    ...timestamps,
  },
  (t) => [
    unique('reviews_product_user_unique').on(t.productId, t.userId),
    check('reviews_rating_range', sql`${t.rating} between 1 and 5`),
    check('reviews_title_length', sql`char_length(${t.title}) <= 120`),
    check('reviews_body_length', sql`char_length(${t.body}) <= 4000`),
    index('reviews_product_visible_idx')
      .on(t.productId, t.createdAt)
      .where(sql`not ${t.hidden}`),
    index('reviews_user_idx').on(t.userId),
    index('reviews_created_idx').on(t.createdAt),
  ],
)

/** "Helpful" votes: one per shopper and review. */
export const reviewVotes = pgTable(
  'review_votes',
  {
    reviewId: integer()
      .notNull()
      .references(() => reviews.id, { onDelete: 'cascade' }),
    userId: text()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.reviewId, t.userId] }), index('review_votes_user_idx').on(t.userId)],
)

/** Reports to the moderators: once per shopper and review. */
export const reviewReports = pgTable(
  'review_reports',
  {
    reviewId: integer()
      .notNull()
      .references(() => reviews.id, { onDelete: 'cascade' }),
    userId: text()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    reason: text().notNull().default(''),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.reviewId, t.userId] }), index('review_reports_user_idx').on(t.userId)],
)

export const feedbackTopic = pgEnum('feedback_topic', ['bug', 'idea', 'order_problem', 'other'])
export const feedbackStatus = pgEnum('feedback_status', ['new', 'in_progress', 'done'])

/** Site feedback from anyone; a signed-in shopper's is linked to the account. */
export const feedback = pgTable(
  'feedback',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    topic: feedbackTopic().notNull(),
    message: text().notNull(),
    email: text(),
    userId: text().references(() => users.id, { onDelete: 'set null' }),
    status: feedbackStatus().notNull().default('new'),
    adminNote: text().notNull().default(''),
    ...timestamps,
  },
  (t) => [
    check('feedback_message_length', sql`char_length(${t.message}) between 1 and 5000`),
    check('feedback_contact', sql`${t.email} is not null or ${t.userId} is not null`),
    index('feedback_status_created_idx').on(t.status, t.createdAt),
    index('feedback_created_idx').on(t.createdAt),
  ],
)
