import type { Metadata } from 'next'
import { FeedbackTriage } from '@/components/admin/feedback-triage'
import { Pagination } from '@/components/shop/pagination'
import { requireAdmin } from '@/lib/auth/session'
import { type FeedbackFilters, listFeedback } from '@/lib/feedback/service'
import { feedbackStatuses, feedbackStatusLabels, feedbackTopicLabels, feedbackTopics, parseFeedbackFilters } from '@/lib/feedback/validation'
import { pluralize } from '@/lib/plural'

export const metadata: Metadata = { title: 'Feedback' }

export const instant = false

const dateFormat = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' })
const selectClass = 'rounded-lg border border-zinc-300 bg-white px-2 py-1.5 text-sm'

function hrefFor(filters: FeedbackFilters, page: number) {
  const query = new URLSearchParams()
  if (filters.status) query.set('status', filters.status)
  if (filters.topic) query.set('topic', filters.topic)
  if (page > 1) query.set('page', String(page))
  const text = query.toString()
  return `/admin/feedback${text ? `?${text}` : ''}`
}

export default async function AdminFeedbackPage({ searchParams }: PageProps<'/admin/feedback'>) {
  await requireAdmin('/admin/feedback')
  const filters = parseFeedbackFilters(await searchParams)
  const { items, total, pageCount } = await listFeedback(filters)
  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-2xl font-bold tracking-tight">Feedback</h1>
      <form method="get" action="/admin/feedback" className="flex flex-wrap items-end gap-3" aria-label="Filter feedback">
        <label className="flex flex-col gap-1 text-sm">
          Status
          <select name="status" defaultValue={filters.status ?? ''} className={selectClass}>
            <option value="">Any</option>
            {feedbackStatuses.map((status) => (
              <option key={status} value={status}>
                {feedbackStatusLabels[status]}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col gap-1 text-sm">
          Topic
          <select name="topic" defaultValue={filters.topic ?? ''} className={selectClass}>
            <option value="">Any</option>
            {feedbackTopics.map((topic) => (
              <option key={topic} value={topic}>
                {feedbackTopicLabels[topic]}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="rounded-full bg-zinc-900 px-4 py-1.5 text-sm font-semibold text-white hover:bg-zinc-700">
          Filter
        </button>
      </form>
      <p className="text-sm text-zinc-700">{pluralize(total, 'message')}</p>
      <ul className="flex flex-col gap-4">
        {items.map((item) => (
          <li key={item.id}>
            <article className="grid gap-4 rounded-xl border border-zinc-200 p-4 md:grid-cols-[1fr_18rem]" aria-labelledby={`feedback-${item.id}`}>
              <div className="flex flex-col gap-1.5">
                <h2 id={`feedback-${item.id}`} className="font-semibold">
                  {feedbackTopicLabels[item.topic]} <span className="font-normal text-zinc-600">· {feedbackStatusLabels[item.status]}</span>
                </h2>
                <p className="text-sm text-zinc-600">
                  {item.email ?? 'no email'}
                  {item.signedIn ? ' (account)' : ' (guest)'} · {dateFormat.format(new Date(item.createdAt))}
                </p>
                <p className="whitespace-pre-line text-sm text-zinc-800">{item.message}</p>
              </div>
              <FeedbackTriage feedbackId={item.id} status={item.status} adminNote={item.adminNote} />
            </article>
          </li>
        ))}
      </ul>
      {items.length === 0 && <p className="text-zinc-700">No messages match these filters.</p>}
      <Pagination page={filters.page} pageCount={pageCount} hrefFor={(page) => hrefFor(filters, page)} />
    </div>
  )
}
