import type { Metadata } from 'next'
import { Link } from '@/components/ui/link'
import { redirect } from 'next/navigation'
import { Suspense } from 'react'
import { parseCallbackUrl } from '@/components/account/callback-url'
import { RegisterForm } from '@/components/account/register-form'
import { FormSkeleton } from '@/components/ui/form'
import { getCurrentUser } from '@/lib/auth/session'

export const metadata: Metadata = { title: 'Create your account' }

export default function RegisterPage({ searchParams }: PageProps<'/register'>) {
  return (
    <div className="mx-auto flex max-w-md flex-col gap-6">
      <h1 className="text-2xl font-bold tracking-tight">Create your account</h1>
      <Suspense fallback={<FormSkeleton fields={3} />}>
        <Register searchParams={searchParams} />
      </Suspense>
    </div>
  )
}

async function Register({ searchParams }: Pick<PageProps<'/register'>, 'searchParams'>) {
  const callbackUrl = parseCallbackUrl((await searchParams).callbackUrl)
  if (await getCurrentUser()) redirect(callbackUrl)
  return (
    <>
      <RegisterForm callbackUrl={callbackUrl} />
      <p className="text-sm text-zinc-700">
        Already have an account?{' '}
        <Link href={`/login?callbackUrl=${encodeURIComponent(callbackUrl)}`} className="font-medium text-brand-700 hover:underline">
          Log in
        </Link>
      </p>
    </>
  )
}
