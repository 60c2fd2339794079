import type { Metadata } from 'next'
import { Link } from '@/components/ui/link'
import { Suspense } from 'react'
import { AddressActionButton } from '@/components/account/address-action-button'
import { AddressLines } from '@/components/account/address-lines'
import { StatusMessage } from '@/components/ui/form'
import { deleteAddressAction, setDefaultAddressAction } from '@/lib/account/actions'
import { listAddresses } from '@/lib/account/addresses'
import { requireUser } from '@/lib/auth/session'

export const metadata: Metadata = { title: 'Addresses' }

export default function AddressesPage({ searchParams }: PageProps<'/account/addresses'>) {
  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold tracking-tight">Addresses</h1>
        <Link href="/account/addresses/new" className="rounded-full bg-brand-700 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-800">
          Add an address
        </Link>
      </div>
      <Suspense fallback={<AddressesSkeleton />}>
        <Addresses searchParams={searchParams} />
      </Suspense>
    </div>
  )
}

async function Addresses({ searchParams }: Pick<PageProps<'/account/addresses'>, 'searchParams'>) {
  const user = await requireUser('/account/addresses')
  const [addresses, { saved }] = await Promise.all([listAddresses(user.id), searchParams])
  return (
    <>
      {saved === '1' && <StatusMessage>Address saved.</StatusMessage>}
      {addresses.length === 0 ? (
        <p className="rounded-xl border border-dashed border-zinc-300 p-8 text-center text-sm text-zinc-700">
          You have no saved addresses yet. Add one to check out faster.
        </p>
      ) : (
        <ul className="grid gap-4 sm:grid-cols-2">
          {addresses.map((address) => {
            const context = `${address.fullName}, ${address.line1}`
            return (
              <li key={address.id} className="flex flex-col gap-3 rounded-xl border border-zinc-200 p-5">
                {address.isDefault && <span className="self-start rounded-full bg-brand-100 px-2.5 py-0.5 text-xs font-semibold text-brand-800">Default</span>}
                <AddressLines address={address} />
                <div className="mt-auto flex flex-wrap items-center gap-2">
                  <Link
                    href={`/account/addresses/${address.id}/edit`}
                    className="rounded-full border border-zinc-300 px-3 py-1.5 text-sm font-semibold hover:bg-zinc-50"
                  >
                    Edit<span className="sr-only"> address for {context}</span>
                  </Link>
                  {!address.isDefault && (
                    <AddressActionButton action={setDefaultAddressAction} addressId={address.id} pendingLabel="Saving…">
                      Make default<span className="sr-only"> ({context})</span>
                    </AddressActionButton>
                  )}
                  <AddressActionButton action={deleteAddressAction} addressId={address.id} pendingLabel="Deleting…">
                    Delete<span className="sr-only"> address for {context}</span>
                  </AddressActionButton>
                </div>
              </li>
            )
          })}
        </ul>
      )}
    </>
  )
}

function AddressesSkeleton() {
  return (
    <div aria-hidden="true" className="grid animate-pulse gap-4 sm:grid-cols-2">
      <div className="h-40 rounded-xl bg-zinc-100" />
      <div className="h-40 rounded-xl bg-zinc-100" />
    </div>
  )
}
