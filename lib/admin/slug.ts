/** "Café Crème 2-Pack!" → "cafe-creme-2-pack"; never empty. */
export function slugify(input: string) {
  const slug = input
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '')
  return slug || 'item'
}

export const slugPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/

/** The first of `base`, `base-2`, `base-3`… that `taken` does not contain. */
export function firstFreeSlug(base: string, taken: Set<string>) {
  if (!taken.has(base)) return base
  for (let n = 2; ; n++) {
    const candidate = `${base}-${n}`
    if (!taken.has(candidate)) return candidate
  }
}
