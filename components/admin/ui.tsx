import { Link } from '@/components/ui/link'
import type { ReactNode } from 'react'

/** Small presentational pieces shared by the admin pages. */

export function PageHeader({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="flex flex-wrap items-center justify-between gap-3">
      <h1 className="text-2xl font-bold tracking-tight">{title}</h1>
      {children && <div className="flex flex-wrap items-center gap-2">{children}</div>}
    </div>
  )
}

export function ButtonLink({
  href,
  children,
  variant = 'secondary',
  download,
}: {
  href: string
  children: ReactNode
  variant?: 'primary' | 'secondary'
  download?: boolean
}) {
  const look = variant === 'primary' ? 'bg-brand-700 text-white hover:bg-brand-800' : 'border border-zinc-300 bg-white text-zinc-900 hover:bg-zinc-50'
  const className = `inline-flex items-center rounded-full px-4 py-2 text-sm font-semibold ${look}`
  // Downloads are route handlers, not pages: a plain link, never a client-side navigation.
  if (download) {
    return (
      <a href={href} className={className} download>
        {children}
      </a>
    )
  }
  return (
    <Link href={href} className={className}>
      {children}
    </Link>
  )
}

export function Panel({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="flex flex-col gap-4 rounded-xl border border-zinc-200 p-5" aria-labelledby={`${title.replace(/\W+/g, '-').toLowerCase()}-title`}>
      <h2 id={`${title.replace(/\W+/g, '-').toLowerCase()}-title`} className="text-lg font-semibold">
        {title}
      </h2>
      {children}
    </section>
  )
}

export function EmptyState({ children }: { children: ReactNode }) {
  return <p className="rounded-xl border border-dashed border-zinc-300 p-8 text-center text-sm text-zinc-700">{children}</p>
}

export const tableClass = 'w-full min-w-[40rem] border-collapse text-left text-sm'
export const thClass = 'border-b border-zinc-200 px-3 py-2 font-semibold text-zinc-700'
export const tdClass = 'border-b border-zinc-100 px-3 py-2 align-top'
/** A scrollable table with a header row of these column names; children are the body rows. */
export function DataTable({ columns, children }: { columns: string[]; children: ReactNode }) {
  return (
    <div className="overflow-x-auto">
      <table className={tableClass}>
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column} scope="col" className={thClass}>
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  )
}

export const filterControlClass = 'rounded-xl border border-zinc-300 bg-white px-3 py-2 text-sm'

export function Badge({ tone, children }: { tone: 'green' | 'grey' | 'amber' | 'red' | 'blue'; children: ReactNode }) {
  const tones = {
    green: 'bg-emerald-50 text-emerald-800',
    grey: 'bg-zinc-100 text-zinc-700',
    amber: 'bg-amber-50 text-amber-900',
    red: 'bg-red-50 text-red-800',
    blue: 'bg-brand-50 text-brand-800',
  }
  return <span className={`inline-block rounded-full px-2 py-0.5 text-xs font-semibold ${tones[tone]}`}>{children}</span>
}

export function formatDateTime(date: Date) {
  return date.toLocaleString('en-US', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }) + ' UTC'
}
