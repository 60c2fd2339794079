import type { Metadata } from 'next'
import { ProductPage, productMetadata } from '@/components/shop/product-page'

export async function generateMetadata({ params }: PageProps<'/products/[slug]'>): Promise<Metadata> {
  return productMetadata((await params).slug)
}

// proxy.ts serves /products/<slug> from the cached /products/<slug>/v/<sku> (lib/catalog/
// product-route.ts); this request-time page answers only when the proxy does not run. Rendered in
// one piece on the server, so the variant chosen in the URL (?variant=SKU) is in the HTML itself
// and the option picker works without JavaScript.
export const instant = false

export default async function RequestTimeProductPage({ params, searchParams }: PageProps<'/products/[slug]'>) {
  const [{ slug }, query] = await Promise.all([params, searchParams])
  return <ProductPage slug={slug} variantSku={typeof query.variant === 'string' ? query.variant : undefined} />
}
