import type { Metadata } from 'next'
import { Link } from '@/components/ui/link'
import { Suspense } from 'react'
import { ResetPasswordForm } from '@/components/account/reset-password-form'
import { FormSkeleton } from '@/components/ui/form'

export const metadata: Metadata = { title: 'Choose a new password' }

export default function ResetPasswordPage({ searchParams }: PageProps<'/reset-password'>) {
  return (
    <div className="mx-auto flex max-w-md flex-col gap-6">
      <h1 className="text-2xl font-bold tracking-tight">Choose a new password</h1>
      <Suspense fallback={<FormSkeleton />}>
        <ResetPassword searchParams={searchParams} />
      </Suspense>
    </div>
  )
}

async function ResetPassword({ searchParams }: Pick<PageProps<'/reset-password'>, 'searchParams'>) {
  const { token } = await searchParams
  if (typeof token !== 'string' || token === '') {
    return (
      <p className="text-sm text-zinc-700">
        This page needs the link from your password reset email.{' '}
        <Link href="/forgot-password" className="font-medium text-brand-700 hover:underline">
          Request a new reset link
        </Link>
        .
      </p>
    )
  }
  return (
    <>
      <ResetPasswordForm token={token} />
      <p className="text-sm text-zinc-700">
        Link expired?{' '}
        <Link href="/forgot-password" className="font-medium text-brand-700 hover:underline">
          Request a new one
        </Link>
      </p>
    </>
  )
}
