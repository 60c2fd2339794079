import type { Metadata } from 'next'
import { Link } from '@/components/ui/link'
import { OrderLookupForm } from '@/components/orders/order-lookup-form'

export const metadata: Metadata = { title: 'Find your order', robots: { index: false, follow: true } }

export default function OrderLookupPage() {
  return (
    <div className="mx-auto flex max-w-md flex-col gap-6">
      <h1 className="text-2xl font-bold tracking-tight">Find your order</h1>
      <p className="text-sm text-zinc-700">
        Checked out as a guest? Enter the order number from your confirmation email and the email address you used. Have an account?{' '}
        <Link href="/account/orders" className="font-medium text-brand-700 hover:underline">
          See your orders
        </Link>
        .
      </p>
      <OrderLookupForm />
    </div>
  )
}
