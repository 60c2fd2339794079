import { describe, it, expect } from 'vitest'
import { icons } from '@iconify-json/fluent-emoji-flat'
import { categoryMotifs, generateProductBatches, generateProducts, seedCategories, type SeedProduct } from './catalog-data'
import { productArtworkUrl } from './catalog'

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
    const leaves = new Set(seedCategories.filter((c) => c.parentSlug !== null && !seedCategories.some((d) => d.parentSlug === c.slug)).map((c) => c.slug))
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
      const t = p.createdAt.getTime()
      check(t < REFERENCE_END && t >= REFERENCE_END - 366 * 86_400_000, p, `createdAt ${p.createdAt.toISOString()}`)
      check([1, 2, 3].includes(p.imageCount), p, `imageCount ${p.imageCount}`)
      const sentences = p.description.split(/(?<=\.)\s+/).length
      check(sentences >= 2 && sentences <= 4, p, `${sentences} description sentences`)
    }
    expect(problems).toEqual([])
  })

  it('never repeats a word twice in a row in a name', () => {
    const repeated = products.filter((p) => /\b(\S+) \1\b/i.test(p.name)).map((p) => p.name)
    expect(repeated).toEqual([])
  })

  it('draws every product with a motif of its own category, from the installed icon set, on a colour', () => {
    const motifs = categoryMotifs()
    const problems = products.filter((p) => !motifs.get(p.categorySlug)?.has(p.motif) || !(p.motif in icons.icons) || !/^#[0-9a-f]{6}$/.test(p.color)).map((p) => `${p.name}: ${p.motif} ${p.color}`)
    expect(problems.slice(0, 10)).toEqual([])
    // The motif is the product type's, so a notebook is never drawn as headphones.
    expect(products.find((p) => p.name === 'Dot Grid Hardcover Notebook A5')?.motif).toBe('notebook')
    expect(products.find((p) => p.name === '1 TB Portable SSD')?.motif).toBe('computer-disk')
    expect(products.find((p) => p.name === 'Merino Crew Socks')?.motif).toBe('socks')
    expect(products.filter((p) => p.type === 'Bike Helmet').every((p) => p.motif === 'bicycle')).toBe(true)
    // The artwork URL names the motif and the colour.
    const echo = products.find((p) => p.name === 'Echo True Wireless Earbuds')
    expect(echo && productArtworkUrl(echo, 1)).toBe('/art/1/echo-true-wireless-earbuds.svg?motif=headphone&color=eef1f4')
  })

  it('has a realistic mix of stock and activity', () => {
    const share = (f: (p: SeedProduct) => boolean) => products.filter(f).length / N
    expect(share((p) => p.stock === 0)).toBeGreaterThan(0.07)
    expect(share((p) => p.stock === 0)).toBeLessThan(0.13)
    expect(share((p) => p.stock >= 1 && p.stock <= 5)).toBeGreaterThan(0.1)
    expect(share((p) => !p.active)).toBeGreaterThan(0.01)
    expect(share((p) => !p.active)).toBeLessThan(0.06)
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
    expect(first200.some((p) => /headphones/i.test(p.description) && !/headphone/i.test(p.name))).toBe(true)
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
