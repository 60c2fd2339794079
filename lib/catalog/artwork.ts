/**
 * Deterministic abstract "product photo" artwork as a self-contained SVG string.
 * Pure function: no imports, no external fonts or images.
 */

/** 32-bit FNV-1a hash of a string (unsigned). */
export function hashString(s: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  return h >>> 0
}

function escapeXml(s: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
}

function truncateLabel(label: string, max = 40): string {
  const chars = Array.from(label.replace(/\s+/g, ' ').trim())
  if (chars.length <= max) return chars.join('')
  return `${chars.slice(0, max - 1).join('').trimEnd()}…`
}

/** Small xorshift stream seeded from a 32-bit hash, returns values in [0, 1). */
function stream(seed: number): () => number {
  let x = seed >>> 0 || 0x9e3779b9
  return () => {
    x ^= x << 13
    x >>>= 0
    x ^= x >>> 17
    x ^= x << 5
    x >>>= 0
    return x / 4294967296
  }
}

const r1 = (n: number): number => Math.round(n * 10) / 10

export function renderProductArtwork(input: { seed: string; label: string; variant: number }): string {
  const variant = Number.isFinite(input.variant) ? Math.max(0, Math.floor(input.variant)) : 0
  const base = hashString(input.seed)
  const rand = stream(hashString(`${input.seed}#${variant}`) ^ Math.imul(variant + 1, 0x85ebca6b))

  const hue = (base % 360 + variant * 23) % 360
  const hue2 = (hue + 30 + (base >>> 9) % 60) % 360
  const accent = (hue + 150 + (base >>> 17) % 60) % 360
  const label = escapeXml(truncateLabel(input.label))
  const id = `g${(base ^ variant).toString(36)}`

  const bgTop = `hsl(${hue}, 55%, 92%)`
  const bgBottom = `hsl(${hue2}, 45%, 80%)`
  const main = `hsl(${hue}, 45%, 52%)`
  const mainDark = `hsl(${hue}, 40%, 34%)`
  const acc = `hsl(${accent}, 55%, 62%)`

  // Layout: a "product body" in the centre, a shadow, and a few decorative shapes.
  const cx = 400 + (rand() - 0.5) * 120
  const cy = 370 + (rand() - 0.5) * 80
  const size = 150 + rand() * 70
  const shapes: string[] = []

  // soft floor shadow
  shapes.push(`<ellipse cx="${r1(cx)}" cy="${r1(cy + size + 40)}" rx="${r1(size * 1.1)}" ry="${r1(size * 0.16)}" fill="#000" opacity=".12"/>`)

  const form = (base + variant) % 3
  if (form === 0) {
    shapes.push(`<circle cx="${r1(cx)}" cy="${r1(cy)}" r="${r1(size)}" fill="url(#${id}m)"/>`)
    shapes.push(`<circle cx="${r1(cx - size * 0.35)}" cy="${r1(cy - size * 0.35)}" r="${r1(size * 0.28)}" fill="#fff" opacity=".25"/>`)
  } else if (form === 1) {
    const w = size * 1.7
    const h = size * 1.9
    shapes.push(`<rect x="${r1(cx - w / 2)}" y="${r1(cy - h / 2)}" width="${r1(w)}" height="${r1(h)}" rx="${r1(size * 0.28)}" fill="url(#${id}m)"/>`)
    shapes.push(`<rect x="${r1(cx - w / 2 + 24)}" y="${r1(cy - h / 2 + 24)}" width="${r1(w * 0.35)}" height="${r1(h - 48)}" rx="${r1(size * 0.16)}" fill="#fff" opacity=".18"/>`)
  } else {
    const rr = size * 1.05
    shapes.push(`<path d="M${r1(cx - rr)} ${r1(cy + 20)}A${r1(rr)} ${r1(rr)} 0 0 1 ${r1(cx + rr)} ${r1(cy + 20)}" fill="none" stroke="url(#${id}m)" stroke-width="${r1(size * 0.3)}" stroke-linecap="round"/>`)
    shapes.push(`<rect x="${r1(cx - rr - size * 0.22)}" y="${r1(cy)}" width="${r1(size * 0.44)}" height="${r1(size * 0.8)}" rx="${r1(size * 0.2)}" fill="${mainDark}"/>`)
    shapes.push(`<rect x="${r1(cx + rr - size * 0.22)}" y="${r1(cy)}" width="${r1(size * 0.44)}" height="${r1(size * 0.8)}" rx="${r1(size * 0.2)}" fill="${mainDark}"/>`)
  }

  const extras = 2 + Math.floor(rand() * 3)
  for (let i = 0; i < extras; i++) {
    const x = 80 + rand() * 640
    const y = 80 + rand() * 560
    const s = 18 + rand() * 60
    const op = r1(0.25 + rand() * 0.45)
    if (rand() < 0.5) {
      shapes.push(`<circle cx="${r1(x)}" cy="${r1(y)}" r="${r1(s)}" fill="${acc}" opacity="${op}"/>`)
    } else {
      const rot = Math.floor(rand() * 90)
      shapes.push(`<rect x="${r1(x - s)}" y="${r1(y - s)}" width="${r1(s * 2)}" height="${r1(s * 2)}" rx="${r1(s * 0.35)}" fill="${acc}" opacity="${op}" transform="rotate(${rot} ${r1(x)} ${r1(y)})"/>`)
    }
  }

  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 800 800" width="800" height="800" role="img" aria-label="${label}">` +
    `<title>${label}</title>` +
    `<defs>` +
    `<linearGradient id="${id}b" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${bgTop}"/><stop offset="1" stop-color="${bgBottom}"/></linearGradient>` +
    `<linearGradient id="${id}m" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="${main}"/><stop offset="1" stop-color="${mainDark}"/></linearGradient>` +
    `</defs>` +
    `<rect width="800" height="800" fill="url(#${id}b)"/>` +
    shapes.join('') +
    `<text x="400" y="760" text-anchor="middle" font-family="system-ui, sans-serif" font-size="22" fill="hsl(${hue}, 30%, 22%)" opacity=".8">${label}</text>` +
    `</svg>`
  )
}
