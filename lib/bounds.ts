import { z } from 'zod'
import { formatMoney, parseMajorUnits } from './money'

/**
 * The limits every id, price and quantity is checked against before it reaches the database, so
 * no input can overflow a column (a 500) and every order that can be built fits its columns.
 */

/** Postgres `integer`: ids, stock, quantities. */
export const MAX_INT4 = 2_147_483_647

/** The highest product price, $999,999.99: Stripe's limit for one USD charge. */
export const MAX_PRICE_CENTS = 99_999_999

/** The highest order total that can be paid in one charge (Stripe's limit for USD). */
export const MAX_ORDER_TOTAL_CENTS = 99_999_999

/** A row id from a form, a URL or a CSV: a positive integer that fits an `integer` column. */
export const idSchema = z.coerce
  .number({ error: 'That item no longer exists.' })
  .int('That item no longer exists.')
  .positive('That item no longer exists.')
  .max(MAX_INT4, 'That item no longer exists.')

/** A row id from a URL segment: digits only, within `integer`, else null (the page answers 404). */
export function parseIdParam(value: string | undefined): number | null {
  if (!value || !/^\d{1,10}$/.test(value)) return null
  const id = Number(value)
  return id >= 1 && id <= MAX_INT4 ? id : null
}

/** A price typed in dollars ("12", "12.5") → cents, from $0 up to MAX_PRICE_CENTS. */
export const priceCentsSchema = z.string({ error: 'Enter a price.' }).transform((value, ctx) => {
  const cents = parseMajorUnits(value)
  if (cents === null) {
    ctx.addIssue({ code: 'custom', message: 'Enter a price in dollars, like 12 or 12.50 (no negative amounts, at most 2 decimals).' })
    return z.NEVER
  }
  if (cents > MAX_PRICE_CENTS) {
    ctx.addIssue({ code: 'custom', message: `Enter a price of at most ${formatMoney(MAX_PRICE_CENTS)}.` })
    return z.NEVER
  }
  return cents
})
