'use client'

import { Link } from '@/components/ui/link'
import { usePathname } from 'next/navigation'

export type SectionLink = { href: string; label: string }

const tones = {
  light: { current: 'bg-brand-50 text-brand-800', other: 'text-zinc-700 hover:bg-zinc-100 hover:text-zinc-950' },
  dark: { current: 'bg-white text-zinc-950', other: 'text-zinc-200 hover:bg-zinc-800 hover:text-white' },
} as const

/** The first link is the section's overview: it is current only on its own page, the others on their subpages too. */
function isCurrent(href: string, rootHref: string, pathname: string | null) {
  if (pathname === null) return false
  return href === rootHref ? pathname === href : pathname === href || pathname.startsWith(`${href}/`)
}

/** A section's links, marking the current one (pathname null while it is unknown, as in a Suspense fallback). */
export function SectionNavLinks({ links, pathname, tone = 'light' }: { links: readonly SectionLink[]; pathname: string | null; tone?: keyof typeof tones }) {
  const rootHref = links[0]?.href ?? '/'
  return (
    <ul className="flex flex-wrap gap-x-1 gap-y-2 text-sm">
      {links.map((link) => {
        const current = isCurrent(link.href, rootHref, pathname)
        return (
          <li key={link.href}>
            <Link
              href={link.href}
              aria-current={current ? 'page' : undefined}
              className={`block rounded-full px-3 py-1.5 font-medium ${current ? tones[tone].current : tones[tone].other}`}
            >
              {link.label}
            </Link>
          </li>
        )
      })}
    </ul>
  )
}

export function SectionNav(props: { links: readonly SectionLink[]; tone?: keyof typeof tones }) {
  return <SectionNavLinks {...props} pathname={usePathname()} />
}
