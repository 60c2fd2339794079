import type { Metadata } from 'next'
import { notFound } from 'next/navigation'
import { connection } from 'next/server'
import { LinkifiedText } from '@/components/account/linkified-text'
import { requireAdmin } from '@/lib/auth/session'
import { devMailboxEnabled, devMailboxNeedsAdmin } from '@/lib/env'
import { listDevMailbox } from '@/lib/mail/send'

export const metadata: Metadata = { title: 'Development mailbox' }

// Decided per request (DEV_MAILBOX can switch it on for a production test server), before anything is sent.
export const instant = false

export default async function DevMailboxPage() {
  await connection()
  if (!devMailboxEnabled) notFound()
  // In production the outbox holds real people's reset links: admins only, whatever DEV_MAILBOX says.
  if (devMailboxNeedsAdmin) await requireAdmin('/dev/mailbox')
  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-2xl font-bold tracking-tight">Development mailbox</h1>
      <p className="rounded-xl border border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-900">
        Mail sent while SMTP_URL is not set lands here. This page does not exist in production unless DEV_MAILBOX=true, and there only admins can open it.
      </p>
      <Messages />
    </div>
  )
}

const timeFormat = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'medium' })

async function Messages() {
  const messages = await listDevMailbox()
  if (messages.length === 0) return <p className="text-sm text-zinc-700">No mail yet.</p>
  return (
    <ol className="flex flex-col gap-4">
      {messages.map((message) => (
        <li key={message.id}>
          <article aria-labelledby={`mail-${message.id}`} className="flex flex-col gap-3 rounded-xl border border-zinc-200 p-5">
            <header className="flex flex-col gap-1 text-sm">
              <h2 id={`mail-${message.id}`} className="text-base font-semibold text-zinc-900">
                {message.subject}
              </h2>
              <p className="text-zinc-700">
                To <span className="font-medium text-zinc-900">{message.to}</span> ·{' '}
                <time dateTime={message.createdAt.toISOString()}>{timeFormat.format(message.createdAt)}</time>
              </p>
            </header>
            <pre className="overflow-x-auto rounded-lg bg-zinc-50 p-4 font-sans text-sm whitespace-pre-wrap text-zinc-800">
              <LinkifiedText text={message.text} />
            </pre>
          </article>
        </li>
      ))}
    </ol>
  )
}
