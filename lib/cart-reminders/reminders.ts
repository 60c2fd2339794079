import 'server-only'
import { eq, type SQL, sql } from 'drizzle-orm'
import { db, type Executor } from '@/db/client'
import { cartReminders } from '@/db/schema'
import { loadCart } from '@/lib/cart/cart'
import { cartToken } from '@/lib/cart/cookie'
import { lineName } from '@/lib/catalog/variant-options'
import { siteUrl } from '@/lib/env'
import { getStoreSettings } from '@/lib/settings/queries'
import { enqueueJob } from '@/lib/jobs/queue'
import { sendMail } from '@/lib/mail/send'
import { cartReminderMail } from '@/lib/mail/templates'
import { unsubscribeLinks } from '@/lib/mail/unsubscribe-token'

/** A cart untouched for longer than this past the delay is left alone: a reminder weeks later is noise. */
const GIVE_UP_AFTER_DAYS = 7

type Candidate = { cartId: string; userId: string | null; email: string; contentsHash: string }

/**
 * Carts that may be reminded now, with the address to write to. One rule, used when scheduling
 * and again when the mail is about to go out (so a cart changed, ordered or opted out since is
 * never reminded):
 * - a signed-in shopper's cart (their email), or a guest's whose checkout gave an email;
 * - untouched (no line added, no checkout started) for `delayHours`, and not for over a week more;
 * - no payment by that shopper or address since it was last touched;
 * - not opted out of cart reminders;
 * - not reminded before for the same contents (`contents_hash`, the lines' item:quantity).
 */
async function reminderCandidates(options: { delayHours: number; cartId?: string; includeReminded?: boolean; limit: number }): Promise<Candidate[]> {
  const cutoff = sql`now() - make_interval(hours => ${options.delayHours})`
  const onlyCart: SQL = options.cartId ? sql`and c.id = ${options.cartId}` : sql``
  const rows = await db.execute(sql`
    with touched as (
      select c.id as cart_id, c.user_id,
        greatest(c.updated_at, max(ci.added_at), (select max(o.created_at) from orders o where o.cart_id = c.id)) as touched_at,
        md5(string_agg(ci.variant_id::text || ':' || ci.quantity::text, ',' order by ci.variant_id)) as contents_hash
      from carts c join cart_items ci on ci.cart_id = c.id
      where c.updated_at <= ${cutoff} ${onlyCart}
      group by c.id
    ), recipients as (
      select t.*, coalesce(u.email, (select o.email from orders o where o.cart_id = t.cart_id order by o.id desc limit 1)) as email
      from touched t left join users u on u.id = t.user_id
      where t.touched_at <= ${cutoff} and t.touched_at > ${cutoff} - make_interval(days => ${GIVE_UP_AFTER_DAYS})
    )
    select r.cart_id as "cartId", r.user_id as "userId", r.email, r.contents_hash as "contentsHash"
    from recipients r
    where r.email is not null
      and not exists (select 1 from mail_opt_outs m where m.email = lower(r.email) and m.topic = 'cart-reminders')
      and (${options.includeReminded ?? false} or not exists (select 1 from cart_reminders cr where cr.cart_id = r.cart_id and cr.contents_hash = r.contents_hash))
      and not exists (
        select 1 from orders o
        where (o.user_id = r.user_id or lower(o.email) = lower(r.email))
          and o.payment_state in ('paid', 'processing') and o.created_at >= r.touched_at)
    order by r.touched_at
    limit ${options.limit}`)
  return rows as unknown as Candidate[]
}

/**
 * Queues one reminder per due cart (cron: /api/cron/cart-reminders, `npm run cart:reminders`).
 * The cart_reminders row and the job are written together, and both are unique per cart and
 * contents, so however often this runs a cart is reminded once for what it holds.
 */
export async function scheduleCartReminders(options: { limit?: number } = {}) {
  const settings = await getStoreSettings()
  if (!settings.cartRemindersEnabled) return { queued: 0 }
  const candidates = await reminderCandidates({ delayHours: settings.cartReminderDelayHours, limit: options.limit ?? 500 })
  let queued = 0
  for (const candidate of candidates) {
    await db.transaction(async (tx) => {
      const [row] = await tx
        .insert(cartReminders)
        .values({ cartId: candidate.cartId, contentsHash: candidate.contentsHash, email: candidate.email })
        .onConflictDoNothing()
        .returning({ id: cartReminders.id })
      if (!row) return
      await enqueueJob(tx, {
        kind: 'mail.cart-reminder',
        payload: { reminderId: row.id },
        dedupeKey: `cart-reminder:${candidate.cartId}:${candidate.contentsHash}`,
      })
      queued++
    })
  }
  return { queued }
}

/**
 * The job: sends the reminder unless the cart changed, was paid for, or its shopper opted out
 * since it was queued (the same rule, checked again, minus "already reminded": this is that reminder).
 */
export async function sendCartReminder(reminderId: number) {
  const [reminder] = await db.select().from(cartReminders).where(eq(cartReminders.id, reminderId))
  if (!reminder) return
  const settings = await getStoreSettings()
  if (!settings.cartRemindersEnabled) {
    console.info('cart reminder skipped: the merchant turned cart reminders off', { reminderId })
    return
  }
  const [current] = await reminderCandidates({ delayHours: settings.cartReminderDelayHours, cartId: reminder.cartId, includeReminded: true, limit: 1 })
  if (!current || current.contentsHash !== reminder.contentsHash || current.email.toLowerCase() !== reminder.email.toLowerCase()) {
    console.info('cart reminder skipped: the cart changed, was paid for, or its shopper opted out', { reminderId })
    return
  }
  const cart = await loadCart(reminder.cartId)
  if (cart.lines.length === 0) return
  const { pageUrl, headers } = unsubscribeLinks({ topic: 'cart-reminders', email: reminder.email.toLowerCase() })
  const cartUrl = current.userId ? `${siteUrl}/cart` : `${siteUrl}/cart/resume?token=${encodeURIComponent(cartToken(reminder.cartId))}`
  const mail = cartReminderMail({
    lines: cart.lines.map((line) => ({
      name: lineName(line.name, line.variantTitle),
      quantity: line.quantity,
      unitPriceCents: line.unitPriceCents,
      currency: line.currency,
      available: line.issue !== 'inactive' && line.issue !== 'out_of_stock',
    })),
    cartUrl,
    unsubscribeUrl: pageUrl,
  })
  await sendMail(reminder.email, { ...mail, headers })
}

/** Account deletion: the record of reminders sent to this account's address goes with it. */
export async function removeCartRemindersOfUser(tx: Executor, userId: string) {
  await tx.execute(sql`delete from cart_reminders where lower(email) = (select lower(email) from users where id = ${userId})`)
}
