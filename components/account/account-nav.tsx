import type { SectionLink } from '@/components/ui/section-nav'

export const accountLinks: readonly SectionLink[] = [
  { href: '/account', label: 'Overview' },
  { href: '/account/orders', label: 'Orders' },
  { href: '/account/wishlist', label: 'Wishlist' },
  { href: '/account/profile', label: 'Profile' },
  { href: '/account/addresses', label: 'Addresses' },
  { href: '/account/delete', label: 'Delete account' },
]
