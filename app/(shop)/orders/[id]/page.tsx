import type { Metadata } from 'next'
import { Link } from '@/components/ui/link'
import { notFound } from 'next/navigation'
import { BuyAgain } from '@/components/orders/buy-again'
import { OrderView } from '@/components/orders/order-view'
import { getOrderByAccessKey } from '@/lib/orders/queries'
import { orderIdParamSchema } from '@/lib/orders/validation'
import { OrderReturns } from '@/components/returns/order-returns'
import { orderReturnsView } from '@/lib/returns/queries'

export const metadata: Metadata = { title: 'Your order', robots: { index: false, follow: false } }

export const instant = false

/** A guest's order page, opened with the key in its link (success page, email, lookup form). */
export default async function GuestOrderPage({ params, searchParams }: PageProps<'/orders/[id]'>) {
  const [{ id }, { key }] = await Promise.all([params, searchParams])
  const orderId = orderIdParamSchema.safeParse(id)
  const order = orderId.success && typeof key === 'string' && key.length <= 64 ? await getOrderByAccessKey(orderId.data, key) : null
  if (!order) notFound()
  const returns = await orderReturnsView(order)
  return (
    <div className="mx-auto flex max-w-3xl flex-col gap-6">
      <OrderView order={order} />
      {order.status !== 'pending' && <BuyAgain orderId={order.id} accessKey={order.accessKey} />}
      <OrderReturns orderId={order.id} view={returns} accessKey={order.accessKey} />
      <p className="text-sm text-zinc-700">
        Questions about this order?{' '}
        <Link href="/orders/lookup" className="font-medium text-brand-700 hover:underline">
          Look up another order
        </Link>
      </p>
    </div>
  )
}
