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

export type ProductDetail = ProductCard & {
  description: string
  categoryId: number
  createdAt: string
  updatedAt: string
  images: ProductImage[]
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
