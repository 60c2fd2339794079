import type { Metadata } from 'next'
import { Link } from '@/components/ui/link'
import { ForgotPasswordForm } from '@/components/account/forgot-password-form'

export const metadata: Metadata = { title: 'Reset your password' }

export default function ForgotPasswordPage() {
  return (
    <div className="mx-auto flex max-w-md flex-col gap-6">
      <h1 className="text-2xl font-bold tracking-tight">Reset your password</h1>
      <p className="text-sm text-zinc-700">Enter the email address of your account and we will send you a link to choose a new password.</p>
      <ForgotPasswordForm />
      <p className="text-sm text-zinc-700">
        Remembered it?{' '}
        <Link href="/login" className="font-medium text-brand-700 hover:underline">
          Log in
        </Link>
      </p>
    </div>
  )
}
