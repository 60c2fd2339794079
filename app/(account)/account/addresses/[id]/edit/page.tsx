import type { Metadata } from 'next'
import { notFound } from 'next/navigation'
import { Suspense } from 'react'
import { AddressForm } from '@/components/account/address-form'
import { FormSkeleton } from '@/components/ui/form'
import { getAddress } from '@/lib/account/addresses'
import { addressIdSchema } from '@/lib/account/validation'
import { requireUser } from '@/lib/auth/session'

export const metadata: Metadata = { title: 'Edit address' }

export default function EditAddressPage({ params }: PageProps<'/account/addresses/[id]/edit'>) {
  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-2xl font-bold tracking-tight">Edit address</h1>
      <Suspense fallback={<FormSkeleton fields={6} />}>
        <EditAddress params={params} />
      </Suspense>
    </div>
  )
}

async function EditAddress({ params }: Pick<PageProps<'/account/addresses/[id]/edit'>, 'params'>) {
  const { id } = await params
  const user = await requireUser(`/account/addresses/${encodeURIComponent(id)}/edit`)
  // Ids are Postgres integers: a larger number is not an address (and would fail the query).
  const addressId = addressIdSchema.max(2_147_483_647).safeParse(id)
  if (!addressId.success) notFound()
  // Scoped by owner: someone else's address is as unknown as a missing one.
  const address = await getAddress(user.id, addressId.data)
  if (!address) notFound()
  // Only the form's fields cross to the client.
  const { fullName, line1, line2, city, region, postalCode, country, phone, isDefault } = address
  return <AddressForm address={{ id: address.id, fullName, line1, line2, city, region, postalCode, country, phone, isDefault }} />
}
