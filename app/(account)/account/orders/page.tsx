import type { Metadata } from 'next'
import { Link } from '@/components/ui/link'
import { Suspense } from 'react'
import { OrderList } from '@/components/orders/order-list'
import { requireUser } from '@/lib/auth/session'
import { listOrdersForUser } from '@/lib/orders/queries'

export const metadata: Metadata = { title: 'Your orders' }

export default function OrdersPage() {
  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-2xl font-bold tracking-tight">Your orders</h1>
      <Suspense fallback={<div aria-hidden="true" className="h-40 animate-pulse rounded-xl bg-zinc-100" />}>
        <Orders />
      </Suspense>
    </div>
  )
}

async function Orders() {
  const user = await requireUser('/account/orders')
  const orders = await listOrdersForUser(user.id)
  if (orders.length === 0) {
    return (
      <p className="rounded-xl border border-dashed border-zinc-300 p-8 text-center text-sm text-zinc-700">
        You have not ordered anything yet.{' '}
        <Link href="/search" className="font-medium text-brand-700 hover:underline">
          Browse products
        </Link>
      </p>
    )
  }
  return <OrderList orders={orders} />
}
