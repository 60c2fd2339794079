import type { Metadata } from 'next'
import { Link } from '@/components/ui/link'
import { Suspense } from 'react'
import { AddressLines } from '@/components/account/address-lines'
import { getDefaultAddress } from '@/lib/account/addresses'
import { OrderList } from '@/components/orders/order-list'
import { requireUser } from '@/lib/auth/session'
import { listOrdersForUser } from '@/lib/orders/queries'

export const metadata: Metadata = { title: 'Your account' }

export default function AccountPage() {
  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-2xl font-bold tracking-tight">Your account</h1>
      <Suspense fallback={<OverviewSkeleton />}>
        <Overview />
      </Suspense>
    </div>
  )
}

async function Overview() {
  const user = await requireUser('/account')
  const [address, orders] = await Promise.all([getDefaultAddress(user.id), listOrdersForUser(user.id, 3)])
  return (
    <>
      <section aria-label="Signed in as" className="flex flex-col gap-2 rounded-xl border border-zinc-200 p-5">
        <p className="text-lg font-semibold">Hello{user.name ? `, ${user.name}` : ''}</p>
        <p className="text-sm text-zinc-700">
          Signed in as <span className="font-medium text-zinc-900">{user.email}</span>
        </p>
        {user.role === 'admin' && (
          <p className="flex flex-wrap items-center gap-3 text-sm">
            <span className="rounded-full bg-brand-100 px-2.5 py-0.5 text-xs font-semibold text-brand-800">Administrator</span>
            <Link href="/admin" className="font-medium text-brand-700 hover:underline">
              Open the merchant dashboard
            </Link>
          </p>
        )}
        <p>
          <Link href="/account/profile" className="text-sm font-medium text-brand-700 hover:underline">
            Edit your profile
          </Link>
        </p>
      </section>

      <section aria-labelledby="default-address-heading" className="flex flex-col gap-3 rounded-xl border border-zinc-200 p-5">
        <h2 id="default-address-heading" className="text-lg font-semibold">
          Default address
        </h2>
        {address ? (
          <>
            <AddressLines address={address} />
            <p>
              <Link href="/account/addresses" className="text-sm font-medium text-brand-700 hover:underline">
                Manage addresses
              </Link>
            </p>
          </>
        ) : (
          <p className="text-sm text-zinc-700">
            You have no saved address yet.{' '}
            <Link href="/account/addresses/new" className="font-medium text-brand-700 hover:underline">
              Add an address
            </Link>
          </p>
        )}
      </section>

      <section aria-labelledby="orders-heading" className="flex flex-col gap-2 rounded-xl border border-zinc-200 p-5">
        <h2 id="orders-heading" className="text-lg font-semibold">
          Recent orders
        </h2>
        {orders.length === 0 ? (
          <p className="text-sm text-zinc-700">Order history appears here once you place an order.</p>
        ) : (
          <>
            <OrderList orders={orders} />
            <p>
              <Link href="/account/orders" className="text-sm font-medium text-brand-700 hover:underline">
                All your orders
              </Link>
            </p>
          </>
        )}
      </section>
    </>
  )
}

function OverviewSkeleton() {
  return (
    <div aria-hidden="true" className="flex animate-pulse flex-col gap-6">
      <div className="h-32 rounded-xl bg-zinc-100" />
      <div className="h-32 rounded-xl bg-zinc-100" />
    </div>
  )
}
