import 'server-only'
import { lineName } from '@/lib/catalog/variant-options'
import { siteUrl } from '@/lib/env'
import { sendMail } from '@/lib/mail/send'
import { orderConfirmationMail, orderShippedMail } from '@/lib/mail/templates'
import { orderTotalsView } from '@/lib/pricing/totals-view'
import { getOrderDetail, guestOrderPath, orderNumber } from './queries'

async function orderForMail(orderId: number) {
  const order = await getOrderDetail(orderId)
  // An order deleted since the mail was queued has nobody left to tell: the job is done.
  if (!order) {
    console.warn('order mail skipped: the order no longer exists', { orderId })
    return null
  }
  return { order, url: `${siteUrl}${guestOrderPath(order)}`, number: orderNumber(order.id) }
}

export async function sendOrderConfirmation(orderId: number) {
  const mail = await orderForMail(orderId)
  if (!mail) return
  const { order, url, number } = mail
  await sendMail(
    order.email,
    orderConfirmationMail({
      number,
      url,
      currency: order.currency,
      items: order.items.map((item) => ({ ...item, name: lineName(item.name, item.variantTitle) })),
      totals: orderTotalsView(order),
      note: order.customerNote,
    }),
  )
}

export async function sendOrderShipped(orderId: number) {
  const mail = await orderForMail(orderId)
  if (!mail) return
  const { order, url, number } = mail
  await sendMail(order.email, orderShippedMail({ number, url, carrier: order.shippingCarrier ?? '', trackingNumber: order.trackingNumber ?? '' }))
}
