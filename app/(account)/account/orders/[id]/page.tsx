import type { Metadata } from 'next'
import { notFound } from 'next/navigation'
import { Suspense } from 'react'
import { BuyAgain } from '@/components/orders/buy-again'
import { OrderView } from '@/components/orders/order-view'
import { RefreshWhilePending } from '@/components/orders/refresh-while-pending'
import { requireUser } from '@/lib/auth/session'
import { getOrderForUser } from '@/lib/orders/queries'
import { orderIdParamSchema } from '@/lib/orders/validation'
import { OrderReturns } from '@/components/returns/order-returns'
import { orderReturnsView } from '@/lib/returns/queries'

export const metadata: Metadata = { title: 'Order' }

export default function AccountOrderPage({ params }: PageProps<'/account/orders/[id]'>) {
  return (
    <Suspense fallback={<div aria-hidden="true" className="h-96 animate-pulse rounded-xl bg-zinc-100" />}>
      <AccountOrder params={params} />
    </Suspense>
  )
}

async function AccountOrder({ params }: Pick<PageProps<'/account/orders/[id]'>, 'params'>) {
  const { id } = await params
  const user = await requireUser(`/account/orders/${encodeURIComponent(id)}`)
  const orderId = orderIdParamSchema.safeParse(id)
  // Someone else's order is "not found", never "forbidden": its existence is not revealed.
  const order = orderId.success ? await getOrderForUser(user.id, orderId.data) : null
  if (!order) notFound()
  const returns = await orderReturnsView(order)
  return (
    <>
      {order.status === 'pending' && order.paymentState !== 'failed' && <RefreshWhilePending everyMs={5000} maxTries={24} />}
      <OrderView order={order} />
      {order.status !== 'pending' && <BuyAgain orderId={order.id} />}
      <OrderReturns orderId={order.id} view={returns} />
    </>
  )
}
