import type { Metadata } from 'next'
import { Suspense } from 'react'
import { FeedbackForm } from '@/components/feedback/feedback-form'
import { FormSkeleton } from '@/components/ui/form'
import { getCurrentUser } from '@/lib/auth/session'

export const metadata: Metadata = {
  title: 'Send feedback',
  description: 'Tell us what is broken, what you would like, or a problem with an order.',
  alternates: { canonical: '/feedback' },
}

export default function FeedbackPage() {
  return (
    <div className="mx-auto flex max-w-xl flex-col gap-6">
      <div>
        <h1 className="text-2xl font-bold tracking-tight">Send feedback</h1>
        <p className="mt-2 text-zinc-700">Something broken, an idea, or a problem with an order? Tell us: a person reads every message.</p>
      </div>
      <Suspense fallback={<FormSkeleton fields={3} />}>
        <Feedback />
      </Suspense>
    </div>
  )
}

async function Feedback() {
  const user = await getCurrentUser()
  return <FeedbackForm signedInAs={user?.email ?? null} />
}
