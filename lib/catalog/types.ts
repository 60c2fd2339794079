export type Category = {
  id: number
  slug: string
  name: string
  description: string
  parentId: number | null
  position: number
}

export type ProductCard = {
  id: number
  slug: string
  name: string
  /** The lowest active variant price; `maxPriceCents` the highest ("from $X" when they differ). */
  priceCents: number
  maxPriceCents: number
  currency: string
  stock: number
  ratingAvg: number
  ratingCount: number
  imageUrl: string | null
  imageAlt: string
  /** The product's only variant (no options), which a card can add to the cart; null when the shopper must choose. */
  quickAddVariantId: number | null
}

export type ProductImage = { url: string; alt: string }

/** A variant on sale (active), as the product page and its JSON-LD show it. */
export type ProductVariantView = {
  id: number
  sku: string
  option1: string | null
  option2: string | null
  option3: string | null
  priceCents: number
  compareAtCents: number | null
  stock: number
  /** The variant's own image, when it has one (else the product's images stand). */
  imageUrl: string | null
}

export type ProductDetail = ProductCard & {
  description: string
  categoryId: number
  createdAt: string
  updatedAt: string
  images: ProductImage[]
  /** Up to three options in position order; none for a product sold as one default variant. */
  options: { position: number; name: string; values: string[] }[]
  variants: ProductVariantView[]
}

export type CategoryFacet = { slug: string; name: string; count: number; depth: number }

export type SearchResult = {
  products: ProductCard[]
  total: number
  page: number
  pageCount: number
  facets: CategoryFacet[]
  /** True when nothing matched exactly and the results are products with similar names. */
  fuzzy: boolean
}
