import { SiteChrome } from '@/components/shop/site-header'

export default function ShopLayout({ children }: { children: React.ReactNode }) {
  return <SiteChrome>{children}</SiteChrome>
}
