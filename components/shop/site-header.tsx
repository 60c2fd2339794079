import { Link } from '@/components/ui/link'
import { childrenOf } from '@/lib/catalog/category-tree'
import { getCategories } from '@/lib/catalog/queries'
import { siteName } from '@/lib/site'
import { CartLink } from '@/components/cart/cart-link'
import { SkipLink } from '@/components/ui/skip-link'
import { SearchBox } from './search-box'

export async function SiteHeader({ categoryStrip = true }: { categoryStrip?: boolean }) {
  const topLevel = categoryStrip ? childrenOf(await getCategories(), null) : []
  return (
    <header className="border-b border-zinc-200 bg-white">
      <SkipLink />
      <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-3 px-4 py-3 sm:flex-nowrap sm:gap-6">
        <Link href="/" className="text-lg font-bold tracking-tight text-zinc-900">
          {siteName}
        </Link>
        <div className="order-last w-full sm:order-none sm:max-w-xl sm:flex-1">
          <SearchBox />
        </div>
        <div className="ml-auto flex items-center">
          {/* A plain link keeps every catalog page static and cacheable: reading the session here
              would render each page per request. Signed out, /account leads to the login page. */}
          <Link href="/account" className="rounded-full px-3 py-1.5 text-sm font-medium text-zinc-800 hover:bg-zinc-100 hover:text-zinc-950">
            Account
          </Link>
          <CartLink />
        </div>
      </div>
      {/* On narrow screens the strip scrolls sideways; the fading right edge says there is more. */}
      {topLevel.length > 0 && (
        <nav aria-label="Categories" className="relative mx-auto max-w-7xl">
          <span aria-hidden="true" className="pointer-events-none absolute inset-y-0 right-0 z-10 w-12 bg-gradient-to-l from-white to-transparent xl:hidden" />
          <ul className="flex gap-5 overflow-x-auto px-4 pr-12 pb-2 text-sm whitespace-nowrap text-zinc-700 xl:pr-4">
            {topLevel.map((category) => (
              <li key={category.id}>
                <Link href={`/category/${category.slug}`} className="hover:text-zinc-950 hover:underline">
                  {category.name}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      )}
    </header>
  )
}

export function SiteFooter() {
  return (
    <footer className="mt-16 border-t border-zinc-200 bg-zinc-50">
      <div className="mx-auto flex max-w-7xl flex-col gap-2 px-4 py-8 text-sm text-zinc-600 sm:flex-row sm:justify-between">
        <p>{siteName} — an open-source Next.js storefront.</p>
        <nav aria-label="Footer">
          <ul className="flex gap-4">
            <li>
              <Link href="/search" className="hover:underline">
                All products
              </Link>
            </li>
            <li>
              <Link href="/orders/lookup" className="hover:underline">
                Find an order
              </Link>
            </li>
            <li>
              <Link href="/feedback" className="hover:underline">
                Send feedback
              </Link>
            </li>
            <li>
              <Link href="/sitemap.xml" className="hover:underline">
                Sitemap
              </Link>
            </li>
          </ul>
        </nav>
      </div>
    </footer>
  )
}

/**
 * The storefront's page frame: header, a main landmark and footer. The root not-found and
 * forbidden pages draw it without the category strip: Next sends those two pages inside every
 * page's payload, in case the browser needs them.
 */
export function SiteChrome({
  children,
  width = 'wide',
  categoryStrip = true,
}: {
  children: React.ReactNode
  width?: 'wide' | 'narrow'
  categoryStrip?: boolean
}) {
  return (
    <>
      <SiteHeader categoryStrip={categoryStrip} />
      <main id="main" className={`mx-auto w-full flex-1 px-4 py-6 ${width === 'wide' ? 'max-w-7xl' : 'max-w-3xl'}`}>
        {children}
      </main>
      <SiteFooter />
    </>
  )
}
