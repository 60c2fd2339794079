import 'server-only'
import { eq } from 'drizzle-orm'
import { db } from '@/db/client'
import { orders } from '@/db/schema'
import { siteUrl } from '@/lib/env'
import { sendMail } from '@/lib/mail/send'
import { returnUpdateMail } from '@/lib/mail/templates'
import { guestOrderPath, orderNumber } from '@/lib/orders/queries'
import { getReturnDetail, returnableAmountCents } from './queries'
import type { ReturnStatus } from './status'

export function returnNumber(returnId: number) {
  return `R-${returnId}`
}

/** One email per step of a return (queued by lib/returns/service.ts as `mail.return-update`). */
export async function sendReturnUpdate(returnId: number, status: ReturnStatus) {
  const [ret, amounts] = await Promise.all([getReturnDetail(returnId), returnableAmountCents(returnId)])
  // A return deleted with its order since the mail was queued has nobody left to tell.
  if (!ret) return
  const [order] = await db.select({ id: orders.id, accessKey: orders.accessKey, email: orders.email }).from(orders).where(eq(orders.id, ret.orderId))
  if (!order) return
  await sendMail(
    order.email,
    returnUpdateMail({
      orderNumber: orderNumber(order.id),
      returnNumber: returnNumber(ret.id),
      status,
      url: `${siteUrl}${guestOrderPath(order)}`,
      items: ret.items.map((item) => ({ name: item.name, quantity: item.quantity })),
      merchantMessage: ret.merchantMessage,
      refund: ret.refundCents ? { cents: ret.refundCents, currency: ret.currency } : null,
      // Judged when the mail goes out, which may be after later steps.
      refundDue: ret.status === 'refunded' || (ret.status === 'received' && (amounts?.maxCents ?? 0) > 0),
    }),
  )
}
