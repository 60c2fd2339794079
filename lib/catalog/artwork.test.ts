import { describe, it, expect } from 'vitest'
import { icons } from '@iconify-json/fluent-emoji-flat'
import { hashString, parseHexColor, renderProductArtwork } from './artwork'
import { motifIcon, NEUTRAL_MOTIF } from './motif-icons'

describe('hashString', () => {
  it('implements 32-bit FNV-1a', () => {
    expect(hashString('')).toBe(0x811c9dc5)
    expect(hashString('a')).toBe(0xe40c292c)
    expect(hashString('foobar')).toBe(0xbf9cf968)
  })
})

describe('renderProductArtwork', () => {
  const icon = { body: '<path fill="#123456" d="M0 0h32v32H0z" data-motif="marker"/>', width: 32, height: 32 }
  const base = { seed: 'aurora-wireless-headphones', icon, color: '#f08a70', variant: 0 }

  it('returns a self-contained SVG that draws the motif it is given', () => {
    for (const variant of [0, 1, 2]) {
      const svg = renderProductArtwork({ ...base, variant })
      expect(svg.startsWith('<svg')).toBe(true)
      expect(svg.endsWith('</svg>')).toBe(true)
      expect(svg).toContain('viewBox="0 0 800 800"')
      expect(svg).toContain('data-motif="marker"')
      expect(svg).not.toMatch(/<image|href=|@import|url\((?!#)/)
      // No caption drawn into the picture: the page names the product.
      expect(svg).not.toContain('<text')
    }
  })

  it('sets the motif on a background in the product colour', () => {
    // The close-up view lays the motif on (nearly) the full colour: #f08a70 = rgb(240,138,112).
    const closeUp = renderProductArtwork({ ...base, variant: 1 })
    const stops = [...closeUp.matchAll(/stop-color="rgb\((\d+),(\d+),(\d+)\)"/g)].map((match) => match.slice(1, 4).map(Number))
    expect(stops.length).toBeGreaterThan(0)
    for (const [r = 0, g = 0, b = 0] of stops) expect(Math.abs(r - 240) + Math.abs(g - 138) + Math.abs(b - 112)).toBeLessThan(90)
    const blue = renderProductArtwork({ ...base, color: '#1f2f57', variant: 1 })
    expect(blue).not.toBe(closeUp)
  })

  it('is deterministic', () => {
    expect(renderProductArtwork(base)).toBe(renderProductArtwork({ ...base }))
  })

  it('escapes the label everywhere', () => {
    const svg = renderProductArtwork({ ...base, seed: 'x', label: `<script>alert("x")&'</script>` })
    expect(svg).not.toContain('<script')
    expect(svg).not.toContain('"x"')
    expect(svg).toContain('&lt;script&gt;')
    expect(svg).toContain('&quot;')
    expect(svg).toContain('&amp;')
    expect(svg).toContain('&apos;')
  })

  it('differs between variants and between seeds', () => {
    const variants = [0, 1, 2].map((variant) => renderProductArtwork({ ...base, variant }))
    expect(new Set(variants).size).toBe(3)
    const other = renderProductArtwork({ ...base, seed: 'nimbus-noise-cancelling-headphones', variant: 1 })
    expect(other).not.toBe(variants[1])
  })

  it('reads colours as #rrggbb only', () => {
    expect(parseHexColor('#1f2f57')).toEqual([31, 47, 87])
    expect(parseHexColor('1F2F57')).toEqual([31, 47, 87])
    expect(parseHexColor('red')).toBeNull()
    expect(parseHexColor('#12345')).toBeNull()
  })
})

describe('motifIcon', () => {
  it('returns the named icon of the installed Fluent Emoji Flat set, and a parcel for unknown names', () => {
    expect(motifIcon('headphone').body).toBe(icons.icons.headphone?.body)
    expect(motifIcon('headphone').width).toBe(32)
    const parcel = icons.icons[NEUTRAL_MOTIF]?.body
    expect(parcel).toBeDefined()
    expect(motifIcon('no-such-icon').body).toBe(parcel)
    expect(motifIcon(null).body).toBe(parcel)
    expect(motifIcon('__proto__').body).toBe(parcel)
  })
})
