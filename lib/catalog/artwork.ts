/**
 * Deterministic "product photo" artwork as a self-contained SVG string: the product type's
 * motif (an icon of the Fluent Emoji Flat set, MIT) set on a background in the product's colour,
 * in several views. Pure function: the caller passes the icon (lib/catalog/motif-icons.ts loads
 * it on the server); no external fonts or images.
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
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;')
}

function truncateLabel(label: string, max = 40): string {
  const chars = Array.from(label.replace(/\s+/g, ' ').trim())
  if (chars.length <= max) return chars.join('')
  return `${chars
    .slice(0, max - 1)
    .join('')
    .trimEnd()}…`
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

type Rgb = readonly [number, number, number]

export function parseHexColor(hex: string): Rgb | null {
  const match = /^#?([0-9a-f]{6})$/i.exec(hex)
  if (!match?.[1]) return null
  const value = Number.parseInt(match[1], 16)
  return [(value >> 16) & 255, (value >> 8) & 255, value & 255]
}

/** `amount` 0 keeps the colour, 1 gives `target`. */
function mixRgb(color: Rgb, target: Rgb, amount: number): string {
  const channel = (index: 0 | 1 | 2) => Math.round(color[index] + (target[index] - color[index]) * amount)
  return `rgb(${channel(0)},${channel(1)},${channel(2)})`
}

function luminance([r, g, b]: Rgb): number {
  return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255
}

/** A pleasant colour from a hash, for artwork without a colour of its own. */
function colorFromSeed(seed: string): Rgb {
  const hue = hashString(seed) % 360
  const s = 0.45
  const l = 0.62
  const k = (n: number) => (n + hue / 30) % 12
  const a = s * Math.min(l, 1 - l)
  const f = (n: number) => Math.round(255 * (l - a * Math.max(-1, Math.min(k(n) - 3, Math.min(9 - k(n), 1)))))
  return [f(0), f(8), f(4)]
}

export type MotifIcon = { body: string; width: number; height: number }

const WHITE: Rgb = [255, 255, 255]
const BLACK: Rgb = [0, 0, 0]
export const ARTWORK_VIEWS = 3

export function renderProductArtwork(input: { seed: string; icon: MotifIcon; color?: string | null; variant: number; label?: string }): string {
  const variant = Number.isFinite(input.variant) ? Math.max(0, Math.floor(input.variant)) : 0
  const view = variant % ARTWORK_VIEWS
  const rand = stream(hashString(`${input.seed}#${variant}`) ^ Math.imul(variant + 1, 0x85ebca6b))
  const color = parseHexColor(input.color ?? '') ?? colorFromSeed(input.seed)
  const id = `a${(hashString(input.seed) ^ variant).toString(36)}`
  const dark = luminance(color) < 0.35
  const light = luminance(color) > 0.85

  // The icon, scaled to `size` and centred on (cx, cy), turned by `angle` degrees.
  const { body, width, height } = input.icon
  const motif = (cx: number, cy: number, size: number, angle = 0) => {
    const scale = size / Math.max(width, height)
    return `<g transform="translate(${r1(cx)} ${r1(cy)}) rotate(${r1(angle)}) scale(${r1(scale * 100) / 100}) translate(${r1(-width / 2)} ${r1(-height / 2)})">${body}</g>`
  }
  const shadow = (cx: number, cy: number, rx: number) => `<ellipse cx="${r1(cx)}" cy="${r1(cy)}" rx="${r1(rx)}" ry="${r1(rx * 0.14)}" fill="url(#${id}s)"/>`

  const defs = [`<radialGradient id="${id}s"><stop offset="0" stop-color="#000" stop-opacity=".22"/><stop offset="1" stop-color="#000" stop-opacity="0"/></radialGradient>`]
  const shapes: string[] = []

  if (view === 0) {
    // Studio shot: the product on a soft backdrop in its colour, with a floor shadow.
    const top = light ? mixRgb(color, BLACK, 0.04) : mixRgb(color, WHITE, 0.78)
    const bottom = light ? mixRgb(color, BLACK, 0.12) : mixRgb(color, WHITE, 0.55)
    defs.push(`<linearGradient id="${id}b" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${top}"/><stop offset="1" stop-color="${bottom}"/></linearGradient>`)
    shapes.push(`<rect width="800" height="800" fill="url(#${id}b)"/>`)
    shapes.push(`<circle cx="400" cy="360" r="290" fill="${mixRgb(color, WHITE, light ? 0.6 : 0.9)}" opacity=".7"/>`)
    shapes.push(shadow(400, 640, 230))
    shapes.push(motif(400, 390, 470))
  } else if (view === 1) {
    // Close-up: the product large and turned, on its full colour.
    const angle = (rand() - 0.5) * 24
    defs.push(
      `<linearGradient id="${id}b" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="${mixRgb(color, WHITE, dark ? 0.12 : 0.1)}"/><stop offset="1" stop-color="${mixRgb(color, BLACK, dark ? 0.1 : 0.18)}"/></linearGradient>`,
    )
    shapes.push(`<rect width="800" height="800" fill="url(#${id}b)"/>`)
    shapes.push(`<circle cx="${r1(440 + rand() * 60)}" cy="${r1(430 + rand() * 60)}" r="330" fill="${mixRgb(color, WHITE, dark ? 0.25 : 0.35)}" opacity=".55"/>`)
    shapes.push(motif(430 + rand() * 40, 440 + rand() * 40, 700, angle))
  } else {
    // Flat lay: the product on a card in its colour, on a pale table with a few dots.
    const table = mixRgb(color, WHITE, 0.88)
    shapes.push(`<rect width="800" height="800" fill="${table}"/>`)
    for (let i = 0; i < 14; i++) {
      const x = 40 + rand() * 720
      const y = 40 + rand() * 720
      shapes.push(`<circle cx="${r1(x)}" cy="${r1(y)}" r="${r1(4 + rand() * 10)}" fill="${mixRgb(color, BLACK, 0.1)}" opacity="${r1(0.12 + rand() * 0.2)}"/>`)
    }
    const tilt = (rand() - 0.5) * 10
    shapes.push(`<rect x="150" y="160" width="500" height="500" rx="56" fill="#000" opacity=".08" transform="rotate(${r1(tilt)} 400 410) translate(10 16)"/>`)
    shapes.push(`<rect x="150" y="150" width="500" height="500" rx="56" fill="${mixRgb(color, WHITE, light ? 0 : 0.15)}" transform="rotate(${r1(tilt)} 400 400)"/>`)
    shapes.push(motif(400, 400, 360, -tilt))
  }

  const label = input.label ? escapeXml(truncateLabel(input.label)) : ''
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 800 800" width="800" height="800"${label ? ` role="img" aria-label="${label}"` : ' aria-hidden="true"'}>` +
    (label ? `<title>${label}</title>` : '') +
    `<defs>${defs.join('')}</defs>` +
    shapes.join('') +
    `</svg>`
  )
}
