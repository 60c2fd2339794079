/**
 * The demo catalogue's options and variants (pure code, deterministic): apparel and footwear come
 * in real sizes and colours, some home goods in colours or materials, everything else as one
 * default variant. A few variants are sold out. The product's own price is the lowest variant
 * price (larger sizes and finer materials cost more); the seed stores the sum of the variants'
 * stock as the product's, as lib/catalog/variants.ts would derive it.
 */
import { colorForDescriptor, type SeedProduct } from './catalog-data'
import { mulberry32 } from './random'

export type SeedOption = { name: string; values: string[] }
export type SeedVariant = { values: string[]; sku: string; priceCents: number; compareAtCents: number | null; stock: number; position: number }
/** `colourImages`: for each colour value after the first, the artwork colour of its own image. */
export type SeedVariantPlan = { options: SeedOption[]; variants: SeedVariant[]; colourImages: { value: string; color: string }[] }

const TOP_SIZES = ['XS', 'S', 'M', 'L', 'XL']
const OUTER_SIZES = ['S', 'M', 'L', 'XL', 'XXL']
const SHOE_SIZES = ['39', '40', '41', '42', '43', '44', '45', '46']
const SOCK_SIZES = ['S', 'M', 'L']
const BELT_SIZES = ['30', '32', '34', '36', '38']
const APPAREL_PALETTE = ['Black', 'Navy', 'Heather Grey', 'Olive', 'Sand', 'Ecru', 'Rust']
const HOME_PALETTE = ['Oat', 'Charcoal', 'Sage', 'Ivory', 'Stone', 'Navy']
const THROW_MATERIALS = ['Cotton', 'Wool', 'Cashmere Blend']

function hash(text: string) {
  let h = 0x811c9dc5
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  return h >>> 0
}

/** The colour in the product's name first, then one or two others from the palette. */
function colours(rng: () => number, own: string, palette: string[]) {
  const first = own && !own.includes(' Mk ') ? own : (palette[0] ?? 'Black')
  const others = palette.filter((colour) => colour !== first)
  const count = 1 + Math.floor(rng() * 2)
  const start = Math.floor(rng() * others.length)
  return [first, ...Array.from({ length: count }, (_, i) => others[(start + i) % others.length] ?? 'Black')]
}

/** The descriptor after the en dash in a generated name ("… – Navy"), if any. */
function descriptorOf(product: SeedProduct) {
  const match = /\s–\s(.+?)(?: Mk \d+)?$/.exec(product.name)
  return match?.[1] ?? ''
}

function optionsFor(product: SeedProduct, rng: () => number): { options: SeedOption[]; upcharge: (values: string[]) => number } | null {
  // A hand-written product's name has no colour in it: its artwork's colour says which it is.
  const own = descriptorOf(product) || [...APPAREL_PALETTE, ...HOME_PALETTE].find((colour) => colorForDescriptor(colour) === product.color) || ''
  const none = () => 0
  switch (product.categorySlug) {
    case 'tops':
      return {
        options: [
          { name: 'Size', values: TOP_SIZES },
          { name: 'Colour', values: colours(rng, own, APPAREL_PALETTE) },
        ],
        upcharge: (values) => (values[0] === 'XL' ? 200 : 0),
      }
    case 'outerwear':
      return {
        options: [
          { name: 'Size', values: OUTER_SIZES },
          { name: 'Colour', values: colours(rng, own, APPAREL_PALETTE) },
        ],
        upcharge: (values) => (values[0] === 'XXL' ? 1_000 : 0),
      }
    case 'footwear':
      return {
        options: [
          { name: 'Size', values: product.type === 'Slippers' ? ['S', 'M', 'L'] : SHOE_SIZES },
          { name: 'Colour', values: colours(rng, own, APPAREL_PALETTE).slice(0, 2) },
        ],
        upcharge: none,
      }
    case 'socks-accessories':
      if (product.type === 'Crew Socks') return { options: [{ name: 'Size', values: SOCK_SIZES }], upcharge: none }
      if (product.type === 'Belt') return { options: [{ name: 'Waist', values: BELT_SIZES }], upcharge: none }
      return { options: [{ name: 'Colour', values: colours(rng, own, APPAREL_PALETTE) }], upcharge: none }
    case 'bedding-bath':
      if (product.type === 'Throw Blanket') {
        return { options: [{ name: 'Material', values: THROW_MATERIALS }], upcharge: (values) => (values[0] === 'Wool' ? 2_000 : values[0] === 'Cashmere Blend' ? 6_000 : 0) }
      }
      return { options: [{ name: 'Colour', values: colours(rng, own, HOME_PALETTE) }], upcharge: none }
    case 'home-decor':
      // Half the decor comes in a few colours; the rest is one piece.
      return rng() < 0.5 ? { options: [{ name: 'Colour', values: colours(rng, own, HOME_PALETTE) }], upcharge: none } : null
    default:
      return null
  }
}

const code = (value: string) => value.toUpperCase().replace(/[^A-Z0-9]+/g, '')

/** Every combination of the options' values, first option slowest. */
function combinations(options: SeedOption[]): string[][] {
  return options.reduce<string[][]>((rows, option) => rows.flatMap((row) => option.values.map((value) => [...row, value])), [[]])
}

/** Null for a product sold as one default variant (its SKU is its slug, upper-cased, as in migration 0011). */
export function variantPlan(product: SeedProduct): SeedVariantPlan | null {
  const rng = mulberry32(hash(product.slug))
  const plan = optionsFor(product, rng)
  if (!plan) return null
  const rows = combinations(plan.options)
  const onSale = rng() < 0.1
  // A sold-out product has nothing in any variant; otherwise about one variant in eight is sold
  // out and the others share the product's stock (at least one each).
  const open = rows.map(() => product.stock > 0 && rng() >= 0.12)
  if (product.stock > 0 && !open.some(Boolean)) open[0] = true
  const openCount = open.filter(Boolean).length
  const variants = rows.map((values, position): SeedVariant => {
    const priceCents = product.priceCents + plan.upcharge(values)
    const stock = open[position] ? Math.max(1, Math.round((product.stock / openCount) * (0.5 + rng()))) : 0
    return {
      values,
      sku: `${product.slug.toUpperCase()}-${values.map(code).join('-')}`,
      priceCents,
      compareAtCents: onSale ? Math.round((priceCents * 1.25) / 100) * 100 : null,
      stock,
      position,
    }
  })
  const colourOption = plan.options.find((option) => option.name === 'Colour')
  const colourImages = (colourOption?.values.slice(1) ?? []).map((value) => ({ value, color: colorForDescriptor(value) }))
  return { options: plan.options, variants, colourImages }
}
