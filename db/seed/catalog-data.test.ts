import { describe, it, expect } from 'vitest'
import { generateProductBatches, generateProducts, seedCategories, type SeedProduct } from './catalog-data'

const N = 20_000
const products = generateProducts(N)
const first200 = products.slice(0, 200)
const REFERENCE_END = Date.UTC(2026, 10, 1)

describe('seedCategories', () => {
  it('has at least 8 top-level categories, each with 2-4 subcategories', () => {
    const tops = seedCategories.filter((c) => c.parentSlug === null)
    expect(tops.length).toBeGreaterThanOrEqual(8)
    for (const top of tops) {
      const subs = seedCategories.filter((c) => c.parentSlug === top.slug)
      expect(subs.length).toBeGreaterThanOrEqual(2)
      expect(subs.length).toBeLessThanOrEqual(4)
    }
  })

  it('uses unique kebab-case slugs and valid parents', () => {
    const slugs = seedCategories.map((c) => c.slug)
    expect(new Set(slugs).size).toBe(slugs.length)
    for (const c of seedCategories) {
      expect(c.slug).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/)
      expect(c.description.length).toBeGreaterThan(20)
      if (c.parentSlug !== null) {
        const parent = seedCategories.find((p) => p.slug === c.parentSlug)
        expect(parent?.parentSlug).toBeNull()
      }
    }
  })
})

describe('generateProducts', () => {
  it('returns exactly count products', () => {
    expect(products).toHaveLength(N)
    expect(generateProducts(0)).toEqual([])
    expect(generateProducts(7)).toHaveLength(7)
  })

  it(`has unique names and slugs for ${N} products`, () => {
    expect(new Set(products.map((p) => p.name)).size).toBe(N)
    expect(new Set(products.map((p) => p.slug)).size).toBe(N)
    for (const p of products) expect(p.slug).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/)
  })

  it('is deterministic for a given count and seed, and the seed matters', () => {
    expect(generateProducts(2_000)).toEqual(generateProducts(2_000))
    expect(generateProducts(2_000, 42)).toEqual(generateProducts(2_000, 42))
    expect(generateProducts(500, 42)).not.toEqual(generateProducts(500, 43))
    // a shorter run is a prefix of a longer one
    expect(generateProducts(1_000)).toEqual(products.slice(0, 1_000))
  })

  it('assigns every product to a leaf category', () => {
    const leaves = new Set(
      seedCategories.filter((c) => c.parentSlug !== null && !seedCategories.some((d) => d.parentSlug === c.slug)).map((c) => c.slug),
    )
    for (const p of products) expect(leaves.has(p.categorySlug)).toBe(true)
  })

  it('keeps prices, stock, ratings, dates and images in range', () => {
    const problems: string[] = []
    const check = (ok: boolean, p: SeedProduct, what: string) => {
      if (!ok && problems.length < 20) problems.push(`${p.slug}: ${what}`)
    }
    for (const p of products) {
      check(Number.isInteger(p.priceCents) && p.priceCents >= 500 && p.priceCents < 200_000, p, `price ${p.priceCents}`)
      check(p.currency === 'USD', p, 'currency')
      check(Number.isInteger(p.stock) && p.stock >= 0 && p.stock <= 250, p, `stock ${p.stock}`)
      check(Number.isInteger(p.ratingCount) && p.ratingCount >= 0 && p.ratingCount <= 400, p, `ratingCount ${p.ratingCount}`)
      if (p.ratingCount === 0) check(p.ratingAvg === 0, p, `ratingAvg ${p.ratingAvg} with no ratings`)
      else
        check(
          p.ratingAvg >= 1 && p.ratingAvg <= 5 && Math.round(p.ratingAvg * 100) / 100 === p.ratingAvg,
          p,
          `ratingAvg ${p.ratingAvg}`,
        )
      const t = p.createdAt.getTime()
      check(t < REFERENCE_END && t >= REFERENCE_END - 366 * 86_400_000, p, `createdAt ${p.createdAt.toISOString()}`)
      check([1, 2, 3].includes(p.imageCount), p, `imageCount ${p.imageCount}`)
      const sentences = p.description.split(/(?<=\.)\s+/).length
      check(sentences >= 2 && sentences <= 4, p, `${sentences} description sentences`)
    }
    expect(problems).toEqual([])
  })

  it('has a realistic mix of stock, activity and ratings', () => {
    const share = (f: (p: SeedProduct) => boolean) => products.filter(f).length / N
    expect(share((p) => p.stock === 0)).toBeGreaterThan(0.07)
    expect(share((p) => p.stock === 0)).toBeLessThan(0.13)
    expect(share((p) => p.stock >= 1 && p.stock <= 5)).toBeGreaterThan(0.1)
    expect(share((p) => !p.active)).toBeGreaterThan(0.01)
    expect(share((p) => !p.active)).toBeLessThan(0.06)
    expect(share((p) => p.ratingCount === 0)).toBeGreaterThan(0.1)
    expect(share((p) => p.ratingCount === 0)).toBeLessThan(0.2)
    const rated = products.filter((p) => p.ratingCount > 0)
    expect(rated.filter((p) => p.ratingAvg >= 3.5).length / rated.length).toBeGreaterThan(0.75)
    expect(rated.some((p) => p.ratingAvg < 2.5)).toBe(true)
    expect(share((p) => [99, 0, 49].includes(p.priceCents % 100))).toBeGreaterThan(0.9)
    expect(first200.some((p) => p.stock === 0)).toBe(true)
  })

  it('features some in-stock products among the first 200 only', () => {
    const featured = first200.filter((p) => p.featured)
    expect(featured.filter((p) => p.stock > 0 && p.active).length).toBeGreaterThanOrEqual(8)
    expect(featured.length).toBeLessThanOrEqual(30)
    expect(products.slice(200).some((p) => p.featured)).toBe(false)
  })

  it('meets the search fixtures among the first 200 products', () => {
    expect(first200.filter((p) => p.name.includes('Headphones')).length).toBeGreaterThanOrEqual(4)
    expect(first200.filter((p) => p.name.includes('Earbuds')).length).toBeGreaterThanOrEqual(2)
    const studio = first200.find((p) => p.name === 'Studio Monitor Headphones')
    expect(studio).toBeDefined()
    expect(studio?.active).toBe(true)
    expect(studio?.stock).toBeGreaterThan(0)
    expect(
      first200.some((p) => /headphones/i.test(p.description) && !/headphone/i.test(p.name)),
    ).toBe(true)
    const kitchenSlugs = new Set(seedCategories.filter((c) => c.parentSlug !== null && /kitchen/i.test(c.name)).map((c) => c.slug))
    expect(first200.filter((p) => kitchenSlugs.has(p.categorySlug) && p.name.includes('Cast Iron')).length).toBeGreaterThanOrEqual(2)
    for (const p of first200.filter((x) => /Headphones|Earbuds/.test(x.name))) {
      expect(p.categorySlug).toBe('headphones-earbuds')
    }
  })
})

describe('generateProductBatches', () => {
  it('yields the same sequence as generateProducts, in batches of at most batchSize', () => {
    const batches = [...generateProductBatches(2_345, 500)]
    expect(batches.map((b) => b.length)).toEqual([500, 500, 500, 500, 345])
    expect(batches.flat()).toEqual(products.slice(0, 2_345))
    const seeded = [...generateProductBatches(1_000, 333, 7)].flat()
    expect(seeded).toEqual(generateProducts(1_000, 7))
  })

  it('rejects a non-positive batch size', () => {
    expect(() => [...generateProductBatches(10, 0)]).toThrow()
  })
})
