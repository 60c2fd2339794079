'use client'

import { Link } from '@/components/ui/link'
import { useActionState } from 'react'
import { FormMessage, SubmitButton, TextField } from '@/components/ui/form'
import { changePasswordAction, requestEmailChangeAction, signOutOtherDevicesAction, updateProfileAction } from '@/lib/account/actions'
import { NewPasswordFields } from './new-password-fields'

export function NameForm({ name }: { name: string | null }) {
  const [state, formAction] = useActionState(updateProfileAction, null)
  return (
    <form action={formAction} noValidate className="flex flex-col gap-4">
      <FormMessage state={state} />
      <TextField label="Name" name="name" autoComplete="name" maxLength={100} required defaultValue={name ?? ''} state={state} />
      <div>
        <SubmitButton pendingLabel="Saving…">Save name</SubmitButton>
      </div>
    </form>
  )
}

export function EmailForm({ email, hasPassword }: { email: string; hasPassword: boolean }) {
  const [state, formAction] = useActionState(requestEmailChangeAction, null)
  return (
    <form action={formAction} noValidate className="flex flex-col gap-4">
      <p className="text-sm text-zinc-700">
        Your email address is <span className="font-medium text-zinc-900">{email}</span>. We send a confirmation link to the new address; the change happens
        when you open it.
      </p>
      <FormMessage state={state} />
      <TextField label="New email address" name="email" type="email" autoComplete="email" maxLength={254} required state={state} />
      {hasPassword && (
        <TextField label="Current password" name="currentPassword" type="password" autoComplete="current-password" maxLength={256} required state={state} />
      )}
      <div>
        <SubmitButton pendingLabel="Sending…">Send confirmation link</SubmitButton>
      </div>
    </form>
  )
}

export function PasswordForm({ hasPassword }: { hasPassword: boolean }) {
  const [state, formAction] = useActionState(changePasswordAction, null)
  if (!hasPassword) {
    return (
      <p className="text-sm text-zinc-700">
        Your account has no password yet: you sign in with another service. To add a password,{' '}
        <Link href="/forgot-password" className="font-medium text-brand-700 hover:underline">
          request a password link
        </Link>
        .
      </p>
    )
  }
  return (
    <form action={formAction} noValidate className="flex flex-col gap-4">
      <FormMessage state={state} />
      <TextField label="Current password" name="currentPassword" type="password" autoComplete="current-password" maxLength={256} required state={state} />
      <NewPasswordFields name="newPassword" state={state} />
      <div>
        <SubmitButton pendingLabel="Changing…">Change password</SubmitButton>
      </div>
    </form>
  )
}

export function SignOutOtherDevicesForm() {
  const [state, formAction] = useActionState(signOutOtherDevicesAction, null)
  return (
    <form action={formAction} className="flex flex-col gap-4">
      <p className="text-sm text-zinc-700">Signed in on a computer or phone you no longer use? End every session of your account except this one.</p>
      <FormMessage state={state} />
      <input type="hidden" name="scope" value="others" />
      <div>
        <SubmitButton pendingLabel="Signing out…">Sign out of all other devices</SubmitButton>
      </div>
    </form>
  )
}
