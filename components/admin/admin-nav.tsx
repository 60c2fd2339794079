import type { SectionLink } from '@/components/ui/section-nav'

export const adminLinks: readonly SectionLink[] = [
  { href: '/admin', label: 'Dashboard' },
  { href: '/admin/products', label: 'Products' },
  { href: '/admin/categories', label: 'Categories' },
  { href: '/admin/orders', label: 'Orders' },
  { href: '/admin/returns', label: 'Returns' },
  { href: '/admin/promotions', label: 'Promotions' },
  { href: '/admin/customers', label: 'Customers' },
  { href: '/admin/shipping', label: 'Shipping' },
  { href: '/admin/tax', label: 'Tax' },
  { href: '/admin/reviews', label: 'Reviews' },
  { href: '/admin/feedback', label: 'Feedback' },
  { href: '/admin/jobs', label: 'Jobs' },
  { href: '/admin/settings', label: 'Settings' },
  { href: '/admin/audit', label: 'Audit log' },
]
