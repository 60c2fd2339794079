import 'server-only'
import { asc, eq } from 'drizzle-orm'
import type { Executor } from '@/db/client'
import { orderEvents, orderItems, orders } from '@/db/schema'
import type { ShippingAddress } from '@/db/schema/orders'
import { allocateProportionally } from '@/lib/pricing/allocate'
import { destinationName } from '@/lib/shipping/validation'
import { taxedAlike } from '@/lib/tax/queries'

/**
 * Records the tax Stripe Tax charged on an order paid through Stripe Checkout: the order's tax and
 * total become what Stripe charged, and the tax is spread over the items in proportion to their
 * amounts (what is left over is the shipping's). Only for orders whose tax Stripe computes; an
 * order taxed by our own rate table keeps the tax it was placed with.
 */
export async function recordStripeTax(tx: Executor, orderId: number, charged: { amountTotalCents: number | null; amountTaxCents: number | null }) {
  if (charged.amountTaxCents === null) return
  const [order] = await tx.select({ taxMode: orders.taxMode, shippingCents: orders.shippingCents, shippingDiscountCents: orders.shippingDiscountCents }).from(orders).where(eq(orders.id, orderId))
  if (order?.taxMode !== 'stripe') return
  const items = await tx
    .select({ id: orderItems.id, unitPriceCents: orderItems.unitPriceCents, quantity: orderItems.quantity, discountCents: orderItems.discountCents })
    .from(orderItems)
    .where(eq(orderItems.orderId, orderId))
    .orderBy(asc(orderItems.id))
  const shares = allocateProportionally(charged.amountTaxCents, [...items.map((item) => item.unitPriceCents * item.quantity - item.discountCents), order.shippingCents - order.shippingDiscountCents])
  for (const [index, item] of items.entries()) {
    await tx
      .update(orderItems)
      .set({ taxCents: shares[index] ?? 0 })
      .where(eq(orderItems.id, item.id))
  }
  await tx
    .update(orders)
    .set({ taxCents: charged.amountTaxCents, ...(charged.amountTotalCents !== null ? { totalCents: charged.amountTotalCents } : {}) })
    .where(eq(orders.id, orderId))
}

/**
 * Stripe's page takes any address in the countries it was given, and cannot hold a shopper to the
 * region our rate table priced the order for. When the address it collected is taxed differently,
 * the order's timeline says so, for the merchant to settle before shipping.
 */
export async function noteTaxedElsewhere(tx: Executor, orderId: number, address: ShippingAddress) {
  const [order] = await tx.select({ status: orders.status, taxMode: orders.taxMode, country: orders.destinationCountry, region: orders.destinationRegion }).from(orders).where(eq(orders.id, orderId))
  if (!order?.country || order.taxMode === 'stripe') return
  const priced = { country: order.country, region: order.region }
  if (await taxedAlike(priced, address, tx)) return
  await tx.insert(orderEvents).values({
    orderId,
    fromStatus: order.status,
    toStatus: order.status,
    actor: 'system',
    note: `Tax was worked out for ${destinationName(priced)}, but the shipping address is in ${destinationName(address)}, which is taxed differently. Check the tax before shipping.`,
  })
}
