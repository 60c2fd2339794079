import type { Metadata } from 'next'
import { ProductPage, productMetadata } from '@/components/shop/product-page'
import { defaultVariantKey, skuFromVariantKey } from '@/lib/catalog/product-route'
import { getProductSlugs } from '@/lib/catalog/queries'

export const instant = false

// /products/<slug>?variant=SKU is rewritten here by proxy.ts (lib/catalog/product-route.ts). The
// most reviewed products are prerendered at build; every other product and variant renders on
// first visit and is then served from the route cache until the product changes.
export async function generateStaticParams() {
  const slugs = await getProductSlugs(24)
  return slugs.map(({ slug }) => ({ slug, variant: defaultVariantKey }))
}

export async function generateMetadata({ params }: PageProps<'/products/[slug]/v/[variant]'>): Promise<Metadata> {
  return productMetadata((await params).slug)
}

export default async function CachedProductPage({ params }: PageProps<'/products/[slug]/v/[variant]'>) {
  const { slug, variant } = await params
  return <ProductPage slug={slug} variantSku={skuFromVariantKey(variant)} />
}
