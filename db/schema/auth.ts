import { sql } from 'drizzle-orm'
import { boolean, index, integer, jsonb, pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core'
import { timestamps } from './columns'

export const userRole = pgEnum('user_role', ['customer', 'admin'])

// Users, accounts, sessions and verification tokens follow the Auth.js Drizzle adapter's shape.
export const users = pgTable(
  'users',
  {
    id: text()
      .primaryKey()
      .$defaultFn(() => crypto.randomUUID()),
    name: text(),
    // Stored lower-cased; unique regardless of case.
    email: text().notNull(),
    emailVerified: timestamp({ mode: 'date', withTimezone: true }),
    image: text(),
    role: userRole().notNull().default('customer'),
    passwordHash: text(),
    /** The Stripe Customer that carries this shopper's saved address into Stripe Checkout. */
    stripeCustomerId: text().unique(),
    /**
     * Copied into each session at sign-in and compared on every request: raising it (password
     * change or reset, email change, demotion, "sign out of all other devices") ends the sessions.
     */
    sessionVersion: integer().notNull().default(0),
    ...timestamps,
  },
  (t) => [uniqueIndex('users_email_lower_idx').on(sql`lower(${t.email})`), index('users_role_idx').on(t.role)],
)

export const accounts = pgTable(
  'accounts',
  {
    userId: text()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    type: text().$type<'oauth' | 'oidc' | 'email' | 'webauthn'>().notNull(),
    provider: text().notNull(),
    providerAccountId: text().notNull(),
    refresh_token: text(),
    access_token: text(),
    expires_at: integer(),
    token_type: text(),
    scope: text(),
    id_token: text(),
    session_state: text(),
  },
  (t) => [primaryKey({ columns: [t.provider, t.providerAccountId] }), index('accounts_user_idx').on(t.userId)],
)

export const sessions = pgTable('sessions', {
  sessionToken: text().primaryKey(),
  userId: text()
    .notNull()
    .references(() => users.id, { onDelete: 'cascade' }),
  expires: timestamp({ mode: 'date', withTimezone: true }).notNull(),
})

export const verificationTokens = pgTable(
  'verification_tokens',
  {
    identifier: text().notNull(),
    token: text().notNull(),
    expires: timestamp({ mode: 'date', withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.identifier, t.token] })],
)

/** Single-use tokens for password resets and email changes; only a SHA-256 of the token is stored. */
export const accountTokens = pgTable(
  'account_tokens',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    userId: text()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    purpose: text().$type<'password_reset' | 'email_change'>().notNull(),
    tokenHash: text().notNull().unique(),
    /** For email changes: the address being confirmed. */
    newEmail: text(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    usedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('account_tokens_user_idx').on(t.userId, t.purpose)],
)

export const addresses = pgTable(
  'addresses',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    userId: text()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    fullName: text().notNull(),
    line1: text().notNull(),
    line2: text().notNull().default(''),
    city: text().notNull(),
    region: text().notNull().default(''),
    postalCode: text().notNull(),
    country: text().notNull(),
    phone: text().notNull().default(''),
    isDefault: boolean().notNull().default(false),
    ...timestamps,
  },
  (t) => [
    index('addresses_user_idx').on(t.userId),
    // At most one default address per user.
    uniqueIndex('addresses_one_default_idx')
      .on(t.userId)
      .where(sql`${t.isDefault}`),
  ],
)

/** Failed sign-ins and other limited requests, counted per key (an email or an IP) in a window. */
export const authAttempts = pgTable(
  'auth_attempts',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    action: text().$type<'login' | 'register' | 'password_reset' | 'email_change' | 'order_lookup' | 'feedback' | 'stock_alert'>().notNull(),
    key: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('auth_attempts_lookup_idx').on(t.action, t.key, t.createdAt)],
)

/** A key that crossed its limit is refused until `lockedUntil`. */
export const authLockouts = pgTable(
  'auth_lockouts',
  {
    action: text().$type<'login' | 'register' | 'password_reset' | 'email_change' | 'order_lookup' | 'feedback' | 'stock_alert'>().notNull(),
    key: text().notNull(),
    lockedUntil: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.action, t.key] })],
)

/** The development outbox: mail sent while no SMTP_URL is configured (shown at /dev/mailbox). */
export const devMailbox = pgTable('dev_mailbox', {
  id: integer().primaryKey().generatedAlwaysAsIdentity(),
  to: text().notNull(),
  subject: text().notNull(),
  html: text().notNull(),
  text: text().notNull(),
  /** Extra headers the message carried (List-Unsubscribe), so tests and developers can see them. */
  headers: jsonb().$type<Record<string, string>>().notNull().default({}),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
})
