import type { Metadata } from 'next'
import { AlertMessage } from '@/components/ui/form'
import { UnsubscribeForm } from '@/components/stock-alerts/unsubscribe-form'
import { describeUnsubscribe } from '@/lib/mail/unsubscribe'
import { readUnsubscribeToken } from '@/lib/mail/unsubscribe-token'

export const metadata: Metadata = { title: 'Unsubscribe', robots: { index: false, follow: false } }

export const instant = false

/** Where the unsubscribe link in cart reminders and back-in-stock confirmations leads. */
export default async function UnsubscribePage({ searchParams }: PageProps<'/unsubscribe'>) {
  const { token } = await searchParams
  const subject = readUnsubscribeToken(token)
  return (
    <div className="mx-auto flex max-w-lg flex-col gap-4">
      <h1 className="text-2xl font-bold tracking-tight">Unsubscribe</h1>
      {subject && typeof token === 'string' ? (
        <>
          <p className="text-zinc-800">{describeUnsubscribe(subject)}</p>
          <UnsubscribeForm token={token} />
        </>
      ) : (
        <AlertMessage>This unsubscribe link is not valid. Use the link from the email itself, or write to us and we will take you off the list.</AlertMessage>
      )}
    </div>
  )
}
