import type { Metadata } from 'next'
import { Suspense } from 'react'
import { EmailForm, NameForm, PasswordForm, SignOutOtherDevicesForm } from '@/components/account/profile-forms'
import { MailPreferencesForm } from '@/components/account/mail-preferences-form'
import { AlertMessage, FormSkeleton, StatusMessage } from '@/components/ui/form'
import { requireUser } from '@/lib/auth/session'
import { isOptedOut } from '@/lib/mail/opt-outs'

export const metadata: Metadata = { title: 'Profile' }

export default function ProfilePage({ searchParams }: PageProps<'/account/profile'>) {
  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-2xl font-bold tracking-tight">Profile</h1>
      <Suspense fallback={<FormSkeleton fields={3} />}>
        <Profile searchParams={searchParams} />
      </Suspense>
    </div>
  )
}

/** Outcomes of the confirmation link (app/(account)/account/confirm-email/route.ts). */
function EmailChangeOutcome({ outcome }: { outcome: unknown }) {
  if (outcome === 'changed') return <StatusMessage>Your email address is changed.</StatusMessage>
  if (outcome === 'invalid') return <AlertMessage>That confirmation link has expired or was already used.</AlertMessage>
  if (outcome === 'taken') return <AlertMessage>Another account now uses that email address, so yours was not changed.</AlertMessage>
  return null
}

/** Outcomes of the password and "sign out of all other devices" forms, which reload the page. */
function SessionOutcome({ password, sessions }: { password: unknown; sessions: unknown }) {
  if (password === 'changed') return <StatusMessage>Your password is changed. Your other devices are signed out.</StatusMessage>
  if (sessions === 'ended') return <StatusMessage>You are signed out on every other device.</StatusMessage>
  return null
}

async function Profile({ searchParams }: Pick<PageProps<'/account/profile'>, 'searchParams'>) {
  const user = await requireUser('/account/profile')
  const [{ email: outcome, password, sessions }, noCartReminders] = await Promise.all([searchParams, isOptedOut(user.email, 'cart-reminders')])
  const sectionClass = 'flex flex-col gap-4 rounded-xl border border-zinc-200 p-5'
  return (
    <>
      <EmailChangeOutcome outcome={outcome} />
      <SessionOutcome password={password} sessions={sessions} />
      <section aria-labelledby="name-heading" className={sectionClass}>
        <h2 id="name-heading" className="text-lg font-semibold">
          Your name
        </h2>
        <NameForm name={user.name} />
      </section>
      <section aria-labelledby="email-heading" className={sectionClass}>
        <h2 id="email-heading" className="text-lg font-semibold">
          Email address
        </h2>
        <EmailForm email={user.email} hasPassword={user.hasPassword} />
      </section>
      <section aria-labelledby="password-heading" className={sectionClass}>
        <h2 id="password-heading" className="text-lg font-semibold">
          Password
        </h2>
        <PasswordForm hasPassword={user.hasPassword} />
      </section>
      <section aria-labelledby="mail-heading" className={sectionClass}>
        <h2 id="mail-heading" className="text-lg font-semibold">
          Emails
        </h2>
        <MailPreferencesForm cartReminders={!noCartReminders} />
      </section>
      <section aria-labelledby="devices-heading" className={sectionClass}>
        <h2 id="devices-heading" className="text-lg font-semibold">
          Other devices
        </h2>
        <SignOutOtherDevicesForm />
      </section>
    </>
  )
}
