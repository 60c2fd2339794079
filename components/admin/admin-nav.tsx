'use client'

import Link from 'next/link'
import { usePathname } from 'next/navigation'

const links = [
  { href: '/admin', label: 'Dashboard' },
  { href: '/admin/products', label: 'Products' },
  { href: '/admin/categories', label: 'Categories' },
  { href: '/admin/orders', label: 'Orders' },
  { href: '/admin/customers', label: 'Customers' },
  { href: '/admin/reviews', label: 'Reviews' },
  { href: '/admin/feedback', label: 'Feedback' },
  { href: '/admin/audit', label: 'Audit log' },
] as const

function isCurrent(href: string, pathname: string | null) {
  if (pathname === null) return false
  return href === '/admin' ? pathname === href : pathname === href || pathname.startsWith(`${href}/`)
}

export function AdminNavLinks({ pathname }: { pathname: string | null }) {
  return (
    <ul className="flex flex-wrap gap-x-1 gap-y-2 text-sm">
      {links.map((link) => {
        const current = isCurrent(link.href, pathname)
        return (
          <li key={link.href}>
            <Link
              href={link.href}
              aria-current={current ? 'page' : undefined}
              className={`block rounded-full px-3 py-1.5 font-medium ${current ? 'bg-white text-zinc-950' : 'text-zinc-200 hover:bg-zinc-800 hover:text-white'}`}
            >
              {link.label}
            </Link>
          </li>
        )
      })}
    </ul>
  )
}

export function AdminNav() {
  return <AdminNavLinks pathname={usePathname()} />
}
