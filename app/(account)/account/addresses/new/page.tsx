import type { Metadata } from 'next'
import { Suspense } from 'react'
import { AddressForm } from '@/components/account/address-form'
import { FormSkeleton } from '@/components/ui/form'
import { requireUser } from '@/lib/auth/session'

export const metadata: Metadata = { title: 'Add an address' }

export default function NewAddressPage() {
  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-2xl font-bold tracking-tight">Add an address</h1>
      <Suspense fallback={<FormSkeleton fields={6} />}>
        <NewAddress />
      </Suspense>
    </div>
  )
}

async function NewAddress() {
  await requireUser('/account/addresses/new')
  return <AddressForm />
}
