/**
 * Pure rules about options and variants, shared by the server and the product page: a variant's
 * title ("42 / Black"), the picker's choices, and which colour a value names.
 */

export type VariantOptionValues = { option1: string | null; option2: string | null; option3: string | null }

export type ProductOption = { position: number; name: string; values: string[] }

/** "42 / Black", or '' for a default variant (a product without options). */
export function variantTitle(variant: VariantOptionValues) {
  return [variant.option1, variant.option2, variant.option3].filter((value): value is string => !!value).join(' / ')
}

/** "Trail Runner 2 — 42 / Black": the name a cart, an order or an email gives a line. */
export function lineName(productName: string, title: string) {
  return title ? `${productName} — ${title}` : productName
}

export function optionValueOf(variant: VariantOptionValues, position: number) {
  return position === 1 ? variant.option1 : position === 2 ? variant.option2 : position === 3 ? variant.option3 : null
}

/** The variant with exactly these option values (one per option, in position order), if it exists. */
export function findVariantByValues<V extends VariantOptionValues>(variants: V[], options: ProductOption[], values: (string | null)[]): V | null {
  return variants.find((variant) => options.every((option, index) => optionValueOf(variant, option.position) === (values[index] ?? null))) ?? null
}

const colourNames: Record<string, string> = {
  black: '#111827',
  white: '#ffffff',
  grey: '#9ca3af',
  gray: '#9ca3af',
  'heather grey': '#b8b8b8',
  ecru: '#eee3cb',
  oat: '#e6d8bd',
  stone: '#b9b2a5',
  'dusty rose': '#c9a0a0',
  charcoal: '#374151',
  navy: '#1e3a8a',
  blue: '#2563eb',
  'sky blue': '#7dd3fc',
  red: '#dc2626',
  burgundy: '#7f1d1d',
  green: '#16a34a',
  olive: '#65713a',
  sage: '#9caf88',
  forest: '#14532d',
  yellow: '#facc15',
  mustard: '#ca8a04',
  orange: '#f97316',
  rust: '#b45309',
  pink: '#f472b6',
  purple: '#7c3aed',
  brown: '#78350f',
  tan: '#d2b48c',
  beige: '#e7dcc8',
  cream: '#f5f0e1',
  ivory: '#fffff0',
  sand: '#d6c6a5',
  terracotta: '#c2410c',
  teal: '#0d9488',
  natural: '#e9dfc9',
  oak: '#b08d57',
  walnut: '#5d4037',
}

/** Whether an option is a colour option (its values get swatches). */
export function isColourOption(name: string) {
  return /^colou?r$/i.test(name.trim())
}

/** The CSS colour a value names ("Navy" → a navy hex), or null for a value that is not a known colour. */
export function swatchColour(value: string): string | null {
  return colourNames[value.trim().toLowerCase()] ?? null
}

/** What the product page's picker needs to know of a variant (active variants only). */
export type PickerVariant = VariantOptionValues & { id: number; sku: string; stock: number }

/**
 * The variant a product page shows: the one the URL names by SKU (any case), else the first in
 * stock, else the first. `unknown` says the URL named a SKU this product does not sell (another
 * product's, an archived one, a typo), so the page can say it shows another.
 */
export function selectVariant<V extends PickerVariant>(variants: V[], sku: string | undefined): { variant: V | null; unknown: boolean } {
  const fallback = variants.find((variant) => variant.stock > 0) ?? variants[0] ?? null
  if (!sku) return { variant: fallback, unknown: false }
  const wanted = sku.trim().toLowerCase()
  const named = variants.find((variant) => variant.sku.toLowerCase() === wanted)
  return named ? { variant: named, unknown: false } : { variant: fallback, unknown: true }
}

/**
 * One value of one option in the picker: `selected` is the current variant's, `available` and
 * `sold_out` name the variant that keeps the other current values, `unavailable` has no such
 * variant (the link then goes to another variant with this value, if there is one).
 */
export type PickerChoice = { value: string; state: 'selected' | 'available' | 'sold_out' | 'unavailable'; sku: string | null }

export function pickerChoices<V extends PickerVariant>(options: ProductOption[], variants: V[], selected: V): { option: ProductOption; choices: PickerChoice[] }[] {
  return options.map((option) => ({
    option,
    choices: option.values.map((value): PickerChoice => {
      if (optionValueOf(selected, option.position) === value) return { value, state: 'selected', sku: selected.sku }
      const wanted = options.map((other) => (other.position === option.position ? value : optionValueOf(selected, other.position)))
      const exact = findVariantByValues(variants, options, wanted)
      if (exact) return { value, state: exact.stock > 0 ? 'available' : 'sold_out', sku: exact.sku }
      const withValue = variants.filter((variant) => optionValueOf(variant, option.position) === value)
      const nearest = withValue.find((variant) => variant.stock > 0) ?? withValue[0] ?? null
      return { value, state: 'unavailable', sku: nearest?.sku ?? null }
    }),
  }))
}
