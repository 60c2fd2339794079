import type { Metadata } from 'next'
import { Link } from '@/components/ui/link'
import { notFound } from 'next/navigation'
import { CartCountSync } from '@/components/cart/cart-count-store'
import { OrderView } from '@/components/orders/order-view'
import { RefreshWhilePending } from '@/components/orders/refresh-while-pending'
import { AlertMessage, StatusMessage } from '@/components/ui/form'
import { cartItemCount, resolveCartId } from '@/lib/cart/cart'
import { getOrderByCheckoutSession, guestOrderPath } from '@/lib/orders/queries'
import { checkoutSessionIdSchema } from '@/lib/orders/validation'

export const metadata: Metadata = { title: 'Thank you', robots: { index: false, follow: false } }

export const instant = false

/** Where the payment page sends the shopper back: the order and its live status. */
export default async function CheckoutSuccessPage({ searchParams }: PageProps<'/checkout/success'>) {
  const sessionId = checkoutSessionIdSchema.safeParse((await searchParams).session_id)
  if (!sessionId.success) notFound()
  const order = await getOrderByCheckoutSession(sessionId.data)
  if (!order) notFound()
  const waiting = order.status === 'pending' && order.paymentState !== 'failed'
  // Paying empties the bought lines from the cart: the header badge follows on this page.
  const cartCount = await cartItemCount(await resolveCartId({ create: false }))

  return (
    <div className="mx-auto flex max-w-3xl flex-col gap-6">
      {order.paymentState === 'paid' && order.status !== 'cancelled' ? (
        <StatusMessage>
          Thank you! {order.provider === 'free' ? 'Your order is placed' : 'Your payment is received'} and a confirmation is on its way to {order.email}.
        </StatusMessage>
      ) : order.paymentState === 'processing' ? (
        <StatusMessage>Your payment is processing. Some payment methods take a few days; we email {order.email} as soon as it clears.</StatusMessage>
      ) : order.status === 'cancelled' ? (
        <AlertMessage>
          This order was cancelled and nothing was charged.{' '}
          <Link href="/cart" className="font-semibold underline">
            Return to your cart
          </Link>{' '}
          to try again.
        </AlertMessage>
      ) : (
        <StatusMessage>We are waiting for the payment provider to confirm your payment. This page updates by itself.</StatusMessage>
      )}
      {waiting && <RefreshWhilePending />}
      <CartCountSync count={cartCount} />
      <OrderView order={order} />
      <p className="text-sm text-zinc-700">
        Keep this link to follow your order:{' '}
        <Link href={guestOrderPath(order)} className="font-medium text-brand-700 hover:underline">
          order page
        </Link>
        .
      </p>
    </div>
  )
}
