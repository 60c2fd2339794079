import 'server-only'
import { and, eq, inArray, isNull, sql } from 'drizzle-orm'
import { db, type Executor } from '@/db/client'
import { productVariants, products, stockAlerts } from '@/db/schema'
import { lineName, variantTitle } from '@/lib/catalog/variant-options'
import { siteUrl } from '@/lib/env'
import { enqueueJob } from '@/lib/jobs/queue'
import { sendMail } from '@/lib/mail/send'
import { backInStockMail, stockAlertConfirmationMail } from '@/lib/mail/templates'
import { unsubscribeLinks } from '@/lib/mail/unsubscribe-token'

/** Waiting alerts one address may hold at once: plenty for a shopper, useless for flooding someone's inbox. */
export const MAX_WAITING_ALERTS_PER_EMAIL = 50

export type SubscribeResult = { ok: true; message: string } | { ok: false; error: string }

/**
 * Subscribes an address to one sold-out item. Subscribing again while waiting changes nothing
 * (and sends nothing). A confirmation with an unsubscribe link goes to the address, so whoever
 * owns it can stop alerts someone else signed them up for.
 */
export async function subscribeToStockAlert(input: { productId: number; variantId?: number; email: string; userId: string | null }): Promise<SubscribeResult> {
  const email = input.email.toLowerCase()
  return db.transaction(async (tx): Promise<SubscribeResult> => {
    const [product] = await tx.select({ active: products.active, name: products.name }).from(products).where(eq(products.id, input.productId))
    if (!product?.active) return { ok: false, error: 'This product is no longer available.' }
    const variants = await tx
      .select({ id: productVariants.id, option1: productVariants.option1, option2: productVariants.option2, option3: productVariants.option3, stock: productVariants.stock })
      .from(productVariants)
      .where(and(eq(productVariants.productId, input.productId), eq(productVariants.active, true)))
    const variant = input.variantId === undefined ? (variants.length === 1 ? variants[0] : undefined) : variants.find((candidate) => candidate.id === input.variantId)
    if (!variant) {
      return { ok: false, error: input.variantId === undefined ? 'Choose the option you are waiting for.' : `That option is not sold for ${product.name}. Please choose again.` }
    }
    const name = lineName(product.name, variantTitle(variant))
    if (variant.stock > 0) return { ok: false, error: `${name} is in stock now: you can add it to your cart.` }
    const message = `Thanks! We will email ${email} once when ${name} is back in stock.`
    const waiting = await tx
      .select({ variantId: stockAlerts.variantId })
      .from(stockAlerts)
      .where(and(eq(stockAlerts.email, email), isNull(stockAlerts.notifiedAt)))
    if (waiting.some((alert) => alert.variantId === variant.id)) return { ok: true, message }
    if (waiting.length >= MAX_WAITING_ALERTS_PER_EMAIL) {
      return { ok: false, error: `This address is already waiting for ${MAX_WAITING_ALERTS_PER_EMAIL} items. Unsubscribe from some to add another.` }
    }
    const [row] = await tx.insert(stockAlerts).values({ variantId: variant.id, productId: input.productId, email, userId: input.userId }).onConflictDoNothing().returning({ id: stockAlerts.id })
    if (row) await enqueueJob(tx, { kind: 'mail.stock-alert-confirmation', payload: { alertId: row.id }, dedupeKey: `stock-alert-confirmation:${row.id}` })
    return { ok: true, message }
  })
}

/** A signed unsubscribe link's effect: the alert is gone (an alert already sent is history and stays). */
export async function cancelStockAlert(alertId: number) {
  await db.delete(stockAlerts).where(and(eq(stockAlerts.id, alertId), isNull(stockAlerts.notifiedAt)))
}

/**
 * Called by lib/inventory/stock.ts, in the transaction of every change that took an item from 0
 * to above 0 (adjustment, import, released reservation, restock), with the variants concerned:
 * each waiting subscriber is marked notified and gets one job, so the mail goes out once and only
 * if the change commits. Subscribers to an archived variant or a product no longer sold keep
 * waiting until it is sold again and restocked.
 */
export async function notifyBackInStock(tx: Executor, variantIds: number[]) {
  if (variantIds.length === 0) return 0
  const notified = await tx
    .update(stockAlerts)
    .set({ notifiedAt: sql`now()` })
    .where(
      and(
        inArray(stockAlerts.variantId, variantIds),
        isNull(stockAlerts.notifiedAt),
        sql`exists (select 1 from product_variants v join products p on p.id = v.product_id
          where v.id = ${stockAlerts.variantId} and v.active and v.stock > 0 and p.active)`,
      ),
    )
    .returning({ id: stockAlerts.id, notifiedAt: stockAlerts.notifiedAt })
  for (const alert of notified) {
    // Keyed by the moment too: an alert re-armed by sendBackInStock is told again next time.
    await enqueueJob(tx, { kind: 'mail.back-in-stock', payload: { alertId: alert.id }, dedupeKey: `back-in-stock:${alert.id}:${alert.notifiedAt?.getTime() ?? 0}` })
  }
  return notified.length
}

async function alertForMail(alertId: number) {
  const [alert] = await db
    .select({
      id: stockAlerts.id,
      email: stockAlerts.email,
      productName: products.name,
      slug: products.slug,
      option1: productVariants.option1,
      option2: productVariants.option2,
      option3: productVariants.option3,
      available: sql<boolean>`${productVariants.active} and ${productVariants.stock} > 0 and ${products.active}`,
    })
    .from(stockAlerts)
    .innerJoin(products, eq(products.id, stockAlerts.productId))
    .innerJoin(productVariants, eq(productVariants.id, stockAlerts.variantId))
    .where(eq(stockAlerts.id, alertId))
  return alert ? { email: alert.email, slug: alert.slug, name: lineName(alert.productName, variantTitle(alert)), available: alert.available } : null
}

export async function sendStockAlertConfirmation(alertId: number) {
  const alert = await alertForMail(alertId)
  // Unsubscribed (or the product deleted) before the job ran: nothing to confirm.
  if (!alert) return
  const { pageUrl, headers } = unsubscribeLinks({ topic: 'stock-alert', alertId })
  await sendMail(alert.email, { ...stockAlertConfirmationMail({ name: alert.name, productUrl: `${siteUrl}/products/${alert.slug}`, unsubscribeUrl: pageUrl }), headers })
}

/**
 * The back-in-stock mail, unless the variant is sold out (or withdrawn) again by the time it goes:
 * a checkout replaced by a new one of a changed cart gives its units back and takes them again a
 * moment later. Then the alert waits for the next restock instead.
 */
export async function sendBackInStock(alertId: number) {
  const alert = await alertForMail(alertId)
  if (!alert) return
  if (!alert.available) {
    await db.update(stockAlerts).set({ notifiedAt: null }).where(eq(stockAlerts.id, alertId))
    return
  }
  await sendMail(alert.email, backInStockMail({ name: alert.name, productUrl: `${siteUrl}/products/${alert.slug}` }))
}

/** Admin: how many addresses wait for each of these products. */
export async function waitingCounts(productIds: number[]): Promise<Map<number, number>> {
  if (productIds.length === 0) return new Map()
  const rows = await db
    .select({ productId: stockAlerts.productId, waiting: sql<number>`count(*)::int` })
    .from(stockAlerts)
    .where(and(inArray(stockAlerts.productId, productIds), isNull(stockAlerts.notifiedAt)))
    .groupBy(stockAlerts.productId)
  return new Map(rows.map((row) => [row.productId, row.waiting]))
}

/** Admin: who waits for which of this product's variants ("41: 3 waiting"), most wanted first. */
export async function waitingByVariant(productId: number): Promise<{ variantId: number; title: string; waiting: number }[]> {
  const rows = await db
    .select({
      variantId: stockAlerts.variantId,
      option1: productVariants.option1,
      option2: productVariants.option2,
      option3: productVariants.option3,
      waiting: sql<number>`count(*)::int`,
    })
    .from(stockAlerts)
    .innerJoin(productVariants, eq(productVariants.id, stockAlerts.variantId))
    .where(and(eq(stockAlerts.productId, productId), isNull(stockAlerts.notifiedAt)))
    .groupBy(stockAlerts.variantId, productVariants.option1, productVariants.option2, productVariants.option3)
    .orderBy(sql`count(*) desc`, stockAlerts.variantId)
  return rows.map((row) => ({ variantId: row.variantId, title: variantTitle(row), waiting: row.waiting }))
}

/** Account deletion: the alerts of this account, and any waiting at its address, go with it. */
export async function removeStockAlertsOfUser(tx: Executor, userId: string) {
  await tx.execute(sql`delete from stock_alerts where user_id = ${userId} or email = (select lower(email) from users where id = ${userId})`)
}
