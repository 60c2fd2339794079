import { describe, it, expect } from 'vitest'
import { hashString, renderProductArtwork } from './artwork'

describe('hashString', () => {
  it('implements 32-bit FNV-1a', () => {
    expect(hashString('')).toBe(0x811c9dc5)
    expect(hashString('a')).toBe(0xe40c292c)
    expect(hashString('foobar')).toBe(0xbf9cf968)
  })
})

describe('renderProductArtwork', () => {
  const base = { seed: 'aurora-wireless-headphones', label: 'Aurora Wireless Headphones', variant: 0 }

  it('returns a self-contained accessible SVG', () => {
    const svg = renderProductArtwork(base)
    expect(svg.startsWith('<svg')).toBe(true)
    expect(svg.endsWith('</svg>')).toBe(true)
    expect(svg).toContain('viewBox="0 0 800 800"')
    expect(svg).toContain('role="img"')
    expect(svg).toContain('<title>Aurora Wireless Headphones</title>')
    expect(svg).toContain('system-ui, sans-serif')
    expect(svg).not.toMatch(/<image|href=|@import|url\((?!#)/)
    expect(svg.length).toBeGreaterThan(500)
    expect(svg.length).toBeLessThan(4000)
  })

  it('is deterministic', () => {
    expect(renderProductArtwork(base)).toBe(renderProductArtwork({ ...base }))
  })

  it('escapes the label everywhere', () => {
    const svg = renderProductArtwork({ seed: 'x', label: `<script>alert("x")&'</script>`, variant: 0 })
    expect(svg).not.toContain('<script')
    expect(svg).not.toContain('"x"')
    expect(svg).toContain('&lt;script&gt;')
    expect(svg).toContain('&quot;')
    expect(svg).toContain('&amp;')
    expect(svg).toContain('&apos;')
    expect(svg).not.toMatch(/&(?!amp;|lt;|gt;|quot;|apos;)/)
  })

  it('truncates long labels to 40 characters', () => {
    const long = 'Supercalifragilistic Ultra Deluxe Noise-Cancelling Headphones – Graphite'
    const svg = renderProductArtwork({ seed: 's', label: long, variant: 0 })
    const title = /<title>(.*)<\/title>/.exec(svg)?.[1] ?? ''
    expect(Array.from(title).length).toBeLessThanOrEqual(40)
    expect(long.startsWith(title.replace(/…$/, ''))).toBe(true)
  })

  it('differs between variants and between seeds', () => {
    const variants = [0, 1, 2].map((variant) => renderProductArtwork({ ...base, variant }))
    expect(new Set(variants).size).toBe(3)
    const other = renderProductArtwork({ ...base, seed: 'nimbus-noise-cancelling-headphones' })
    expect(other).not.toBe(variants[0])
  })
})
