import { timestamp } from 'drizzle-orm/pg-core'

/** created_at and updated_at, the second kept current by Drizzle on every update. */
export const timestamps = {
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp({ withTimezone: true })
    .notNull()
    .defaultNow()
    .$onUpdate(() => new Date()),
}
