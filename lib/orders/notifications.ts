import 'server-only'
import { siteUrl } from '@/lib/env'
import { sendMail } from '@/lib/mail/send'
import { orderConfirmationMail, orderShippedMail } from '@/lib/mail/templates'
import { getOrderDetail, guestOrderPath, orderNumber } from './queries'

async function orderForMail(orderId: number) {
  const order = await getOrderDetail(orderId)
  if (!order) throw new Error(`order ${orderId} not found`)
  return { order, url: `${siteUrl}${guestOrderPath(order)}`, number: orderNumber(order.id) }
}

export async function sendOrderConfirmation(orderId: number) {
  const { order, url, number } = await orderForMail(orderId)
  await sendMail(order.email, orderConfirmationMail({ number, url, currency: order.currency, items: order.items, totalCents: order.totalCents, shippingCents: order.shippingCents }))
}

export async function sendOrderShipped(orderId: number) {
  const { order, url, number } = await orderForMail(orderId)
  await sendMail(order.email, orderShippedMail({ number, url, carrier: order.shippingCarrier ?? '', trackingNumber: order.trackingNumber ?? '' }))
}
