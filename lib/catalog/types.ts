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
  priceCents: number
  currency: string
  stock: number
  ratingAvg: number
  ratingCount: number
  imageUrl: string | null
  imageAlt: string
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
