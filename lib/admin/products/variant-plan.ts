import { variantTitle as titleOf } from '@/lib/catalog/variant-options'
import { slugify } from '../slug'

/**
 * The pure half of editing a product's options: which variants to keep (with their new option
 * values), which to create for new combinations, and which to remove, when a merchant saves new
 * options. No database here; lib/admin/products/variants.ts applies the plan.
 */

export const MAX_OPTIONS = 3
/** Where a variant archived because its combination is gone sorts: after every variant in use. */
export const ARCHIVED_POSITION = 1_000

export type OptionDef = { name: string; values: string[] }
export type OptionValues = [string | null, string | null, string | null]
export type ExistingVariant = { id: number; values: OptionValues; hasOrders: boolean; active: boolean }

export type VariantPlan = {
  /** Variants that stay, with their option values under the new options (maybe unchanged). */
  keep: { id: number; values: OptionValues }[]
  /** Combinations no variant covers yet, in the options' order. */
  create: OptionValues[]
  /** Variants whose combination is gone: archived when ordered (orders keep them), else deleted. */
  archive: number[]
  remove: number[]
}

/** Every combination of the options' values, first option slowest (S/Red, S/Blue, M/Red…); one all-null combination without options. */
export function combinations(options: OptionDef[]): OptionValues[] {
  let rows: (string | null)[][] = [[]]
  for (const option of options.slice(0, MAX_OPTIONS)) rows = rows.flatMap((row) => option.values.map((value) => [...row, value]))
  return rows.map((row) => [row[0] ?? null, row[1] ?? null, row[2] ?? null])
}

export const combinationKey = (values: OptionValues) => values.map((value) => (value ?? '').toLowerCase()).join('\u0000')

/** "42 / Black"; '' for a default variant (lib/catalog's rule, for a tuple of values). */
export function variantTitle(values: OptionValues) {
  return titleOf({ option1: values[0], option2: values[1], option3: values[2] })
}

/**
 * Maps every existing variant onto the new options: an option is recognised by its name
 * (case-insensitive), so renaming values or adding one keeps the variants that still fit. A new
 * option gives existing variants its first value (a T-shirt that only came in one size is that
 * size); a removed option drops out of the values, and when two variants then become the same
 * combination the first one (by position) stays. Every combination left uncovered gets a new
 * variant.
 */
export function planVariants(oldOptions: OptionDef[], newOptions: OptionDef[], existing: ExistingVariant[]): VariantPlan {
  const oldIndex = new Map(oldOptions.map((option, index) => [option.name.toLowerCase(), index]))
  const newNames = new Set(newOptions.map((option) => option.name.toLowerCase()))
  // A new name where the old option at the same place is gone is that option renamed ("Size" → "Shoe size").
  const sourceOf = (option: OptionDef, index: number) => {
    const byName = oldIndex.get(option.name.toLowerCase())
    if (byName !== undefined) return byName
    const previous = oldOptions[index]
    return previous && !newNames.has(previous.name.toLowerCase()) ? index : undefined
  }
  const wanted = new Map(combinations(newOptions).map((values) => [combinationKey(values), values]))
  const covered = new Set<string>()
  const plan: VariantPlan = { keep: [], create: [], archive: [], remove: [] }
  const drop = (variant: ExistingVariant) => (variant.hasOrders ? plan.archive : plan.remove).push(variant.id)

  for (const variant of existing) {
    const mapped = newOptions.map((option, index) => {
      const from = sourceOf(option, index)
      if (from === undefined) return option.values[0] ?? null
      const value = variant.values[from] ?? null
      // Values match case-insensitively, and take the spelling of the new options.
      return option.values.find((candidate) => candidate.toLowerCase() === value?.toLowerCase()) ?? null
    })
    const values: OptionValues = [mapped[0] ?? null, mapped[1] ?? null, mapped[2] ?? null]
    const key = combinationKey(values)
    if (mapped.some((value) => value === null) || !wanted.has(key) || covered.has(key)) {
      // An archived variant that no longer fits stays as it is, on its orders; its combination is then not re-created.
      if (variant.active || !variant.hasOrders) drop(variant)
      if (variant.hasOrders) covered.add(combinationKey(variant.values))
      continue
    }
    covered.add(key)
    plan.keep.push({ id: variant.id, values })
  }
  for (const [key, values] of wanted) if (!covered.has(key)) plan.create.push(values)
  return plan
}

/**
 * A SKU for a new variant: the product's slug and its option values, upper-cased
 * ("TRAIL-RUNNER-42-BLACK"), with -2, -3… when `taken` (lower-cased SKUs) already has it.
 */
export function suggestSku(productSlug: string, values: OptionValues, taken: Set<string>) {
  const parts = [productSlug, ...values.filter((value): value is string => value !== null).map(slugify)]
  const base = parts.join('-').toUpperCase().slice(0, 64)
  let candidate = base
  for (let n = 2; taken.has(candidate.toLowerCase()); n++) candidate = `${base}-${n}`
  taken.add(candidate.toLowerCase())
  return candidate
}
