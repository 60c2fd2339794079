import type { Metadata } from 'next'
import { Link } from '@/components/ui/link'
import { redirect } from 'next/navigation'
import { Suspense } from 'react'
import { parseCallbackUrl } from '@/components/account/callback-url'
import { LoginForm } from '@/components/account/login-form'
import { AlertMessage, FormSkeleton, StatusMessage } from '@/components/ui/form'
import { oauthProviders, signIn } from '@/lib/auth/auth'
import { getCurrentUser } from '@/lib/auth/session'

export const metadata: Metadata = { title: 'Log in' }

export default function LoginPage({ searchParams }: PageProps<'/login'>) {
  return (
    <div className="mx-auto flex max-w-md flex-col gap-6">
      <h1 className="text-2xl font-bold tracking-tight">Log in</h1>
      <Suspense fallback={<FormSkeleton />}>
        <Login searchParams={searchParams} />
      </Suspense>
    </div>
  )
}

async function Login({ searchParams }: Pick<PageProps<'/login'>, 'searchParams'>) {
  const params = await searchParams
  const callbackUrl = parseCallbackUrl(params.callbackUrl)
  // Already signed in (and the account still exists): go where the link pointed.
  if (await getCurrentUser()) redirect(callbackUrl)

  return (
    <>
      {params.reset === '1' && <StatusMessage>Your password is changed. Log in with the new one.</StatusMessage>}
      {typeof params.error === 'string' && (
        <AlertMessage>
          {params.error === 'OAuthAccountNotLinked'
            ? 'An account with this email already exists. Log in with your email and password.'
            : 'We could not sign you in. Please try again.'}
        </AlertMessage>
      )}
      <LoginForm callbackUrl={callbackUrl} />
      {oauthProviders.length > 0 && (
        <section aria-labelledby="oauth-heading" className="flex flex-col gap-3 border-t border-zinc-200 pt-6">
          <h2 id="oauth-heading" className="text-sm font-medium text-zinc-700">
            Or continue with
          </h2>
          {oauthProviders.map((provider) => (
            <form
              key={provider.id}
              action={async () => {
                'use server'
                await signIn(provider.id, { redirectTo: callbackUrl })
              }}
            >
              <button
                type="submit"
                className="w-full rounded-full border border-zinc-300 bg-white px-5 py-2.5 text-sm font-semibold text-zinc-900 hover:bg-zinc-50"
              >
                Continue with {provider.name}
              </button>
            </form>
          ))}
        </section>
      )}
      <p className="text-sm text-zinc-700">
        New here?{' '}
        <Link href={`/register?callbackUrl=${encodeURIComponent(callbackUrl)}`} className="font-medium text-brand-700 hover:underline">
          Create an account
        </Link>
      </p>
    </>
  )
}
