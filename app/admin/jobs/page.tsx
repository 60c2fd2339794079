import type { Metadata } from 'next'
import { Link } from '@/components/ui/link'
import { RetryJobButton } from '@/components/admin/retry-job-button'
import { Badge, DataTable, EmptyState, filterControlClass, formatDateTime, PageHeader, Panel, tdClass } from '@/components/admin/ui'
import { Pagination } from '@/components/shop/pagination'
import { JOB_STATES, jobCountsByKind, listJobs } from '@/lib/jobs/admin'
import { hrefWith, one, pageNumber, pick, type RawParams } from '@/lib/admin/list-params'
import { requireAdmin } from '@/lib/auth/session'

export const metadata: Metadata = { title: 'Jobs' }
export const instant = false

const stateLabels = { pending: 'Pending', failed: 'Failed', done: 'Done' } as const
const stateTones = { pending: 'blue', failed: 'red', done: 'green' } as const

/** The outbox as the merchant sees it: what is waiting, what gave up (and why), what went out. */
export default async function AdminJobsPage({ searchParams }: PageProps<'/admin/jobs'>) {
  await requireAdmin('/admin/jobs')
  const raw = (await searchParams) as RawParams
  const counts = await jobCountsByKind()
  const kinds = counts.map((row) => row.kind)
  const state = pick(one(raw, 'state'), JOB_STATES, 'failed')
  const kind = pick(one(raw, 'kind'), kinds, '')
  const page = pageNumber(one(raw, 'page'))
  const { rows, total, pageCount } = await listJobs({ state, kind, page })
  const query = { state, kind }
  return (
    <div className="flex flex-col gap-6">
      <PageHeader title="Background jobs" />
      <p className="text-sm text-zinc-700">
        Emails and other work queued after a change. A failing job is retried with growing pauses (1, 2, 4… minutes) up to 8 times, then marked failed until you
        retry it.
      </p>
      <Panel title="By kind">
        {counts.length === 0 ? (
          <p className="text-sm text-zinc-700">No jobs yet.</p>
        ) : (
          <DataTable columns={['Kind', 'Pending', 'Failed', 'Done']}>
            {counts.map((row) => (
              <tr key={row.kind}>
                <td className={`${tdClass} font-mono`}>{row.kind}</td>
                {JOB_STATES.map((column) => (
                  <td key={column} className={`${tdClass} tabular-nums`}>
                    <Link
                      href={hrefWith('/admin/jobs', {}, { state: column, kind: row.kind })}
                      className={column === 'failed' && row.failed > 0 ? 'font-semibold text-red-700 hover:underline' : 'hover:underline'}
                    >
                      {row[column]}
                    </Link>
                  </td>
                ))}
              </tr>
            ))}
          </DataTable>
        )}
      </Panel>
      <form method="get" action="/admin/jobs" role="search" aria-label="Filter jobs" className="flex flex-wrap items-end gap-3">
        <label className="flex flex-col gap-1 text-sm font-medium">
          State
          <select name="state" defaultValue={state} className={filterControlClass}>
            {JOB_STATES.map((value) => (
              <option key={value} value={value}>
                {stateLabels[value]}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col gap-1 text-sm font-medium">
          Kind
          <select name="kind" defaultValue={kind} className={filterControlClass}>
            <option value="">Any kind</option>
            {kinds.map((value) => (
              <option key={value} value={value}>
                {value}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="rounded-full bg-zinc-900 px-4 py-2 text-sm font-semibold text-white hover:bg-zinc-700">
          Filter
        </button>
      </form>
      <p className="text-sm text-zinc-700">
        {total.toLocaleString('en-US')} {stateLabels[state].toLowerCase()} jobs{kind ? ` of kind ${kind}` : ''}
      </p>
      {rows.length === 0 ? (
        <EmptyState>No {stateLabels[state].toLowerCase()} jobs.</EmptyState>
      ) : (
        <DataTable columns={['Job', 'Kind', 'State', 'Attempts', 'Queued', 'Last error', '']}>
          {rows.map((job) => (
            <tr key={job.id}>
              <td className={`${tdClass} tabular-nums`}>{job.id}</td>
              <td className={`${tdClass} font-mono`}>
                {job.kind}
                <div className="text-xs break-all text-zinc-600">{JSON.stringify(job.payload)}</div>
              </td>
              <td className={tdClass}>
                <Badge tone={stateTones[state]}>{stateLabels[state]}</Badge>
                <div className="text-xs text-zinc-600">
                  {job.doneAt
                    ? `done ${formatDateTime(job.doneAt)}`
                    : job.failedAt
                      ? `failed ${formatDateTime(job.failedAt)}`
                      : `next run ${formatDateTime(job.runAt)}`}
                </div>
              </td>
              <td className={`${tdClass} tabular-nums`}>{job.attempts}</td>
              <td className={`${tdClass} whitespace-nowrap`}>{formatDateTime(job.createdAt)}</td>
              <td className={`${tdClass} max-w-md text-xs break-words text-red-800`}>{job.lastError ?? '—'}</td>
              <td className={tdClass}>{job.failedAt && <RetryJobButton jobId={job.id} />}</td>
            </tr>
          ))}
        </DataTable>
      )}
      <Pagination page={page} pageCount={pageCount} hrefFor={(target) => hrefWith('/admin/jobs', query, { page: target === 1 ? '' : target })} />
    </div>
  )
}
