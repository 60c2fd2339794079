import type { Metadata } from 'next'
import { Suspense } from 'react'
import { DeleteAccountForm } from '@/components/account/delete-account-form'
import { FormSkeleton } from '@/components/ui/form'
import { requireUser } from '@/lib/auth/session'

export const metadata: Metadata = { title: 'Delete account' }

export default function DeleteAccountPage() {
  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-2xl font-bold tracking-tight">Delete your account</h1>
      <div className="flex flex-col gap-2 text-sm text-zinc-700">
        <p>Deleting your account cannot be undone. We delete:</p>
        <ul className="list-disc pl-5">
          <li>your account: your name, email address and password, and any linked sign-in services;</li>
          <li>your saved addresses.</li>
        </ul>
        <p>Orders you placed are kept for the shop’s records, without your name or email address.</p>
      </div>
      <Suspense fallback={<FormSkeleton />}>
        <DeleteAccount />
      </Suspense>
    </div>
  )
}

async function DeleteAccount() {
  const user = await requireUser('/account/delete')
  return (
    <section aria-label="Confirm deletion" className="rounded-xl border border-red-200 p-5">
      <DeleteAccountForm hasPassword={user.hasPassword} />
    </section>
  )
}
