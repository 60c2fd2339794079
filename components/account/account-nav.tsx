'use client'

import Link from 'next/link'
import { usePathname } from 'next/navigation'

const links = [
  { href: '/account', label: 'Overview' },
  { href: '/account/orders', label: 'Orders' },
  { href: '/account/profile', label: 'Profile' },
  { href: '/account/addresses', label: 'Addresses' },
  { href: '/account/delete', label: 'Delete account' },
] as const

function isCurrent(href: string, pathname: string | null) {
  if (pathname === null) return false
  return href === '/account' ? pathname === href : pathname === href || pathname.startsWith(`${href}/`)
}

/** The account section's links, marking the current one (pathname null while it is unknown). */
export function AccountNavLinks({ pathname }: { pathname: string | null }) {
  return (
    <ul className="flex flex-wrap gap-x-1 gap-y-2 text-sm">
      {links.map((link) => {
        const current = isCurrent(link.href, pathname)
        return (
          <li key={link.href}>
            <Link
              href={link.href}
              aria-current={current ? 'page' : undefined}
              className={`block rounded-full px-3 py-1.5 font-medium ${current ? 'bg-brand-50 text-brand-800' : 'text-zinc-700 hover:bg-zinc-100 hover:text-zinc-950'}`}
            >
              {link.label}
            </Link>
          </li>
        )
      })}
    </ul>
  )
}

export function AccountNav() {
  return <AccountNavLinks pathname={usePathname()} />
}
