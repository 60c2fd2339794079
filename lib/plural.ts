/**
 * Counted nouns for the shop's English copy, chosen with Intl.PluralRules so "1 review",
 * "0 reviews" and "1,204 reviews" all come out right. One helper for every count shown.
 */
const rules = new Intl.PluralRules('en-US')
const numbers = new Intl.NumberFormat('en-US')

/** The noun alone: `pluralWord(1, 'review')` → "review", `pluralWord(3, 'person', 'people')` → "people". */
export function pluralWord(count: number, one: string, other = `${one}s`): string {
  return rules.select(count) === 'one' ? one : other
}

/** The count and its noun: `pluralize(0, 'review')` → "0 reviews", `pluralize(1204, 'product')` → "1,204 products". */
export function pluralize(count: number, one: string, other = `${one}s`): string {
  return `${numbers.format(count)} ${pluralWord(count, one, other)}`
}
