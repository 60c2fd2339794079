import type { Category } from './types'

/** Pure helpers over the flat category list (small enough to hold in memory). */

export function childrenOf(categories: Category[], parentId: number | null) {
  return categories.filter((category) => category.parentId === parentId).sort((a, b) => a.position - b.position || a.name.localeCompare(b.name))
}

/** The category and every category below it. */
export function descendantIds(categories: Category[], rootId: number): number[] {
  const ids = [rootId]
  const seen = new Set(ids)
  for (let i = 0; i < ids.length; i++) {
    for (const category of categories) {
      // `seen` stops a parent cycle in bad data from looping forever.
      if (category.parentId === ids[i] && !seen.has(category.id)) {
        seen.add(category.id)
        ids.push(category.id)
      }
    }
  }
  return ids
}

/** Root first, ending with the category itself. */
export function ancestry(categories: Category[], categoryId: number): Category[] {
  const byId = new Map(categories.map((category) => [category.id, category]))
  const path: Category[] = []
  let current = byId.get(categoryId)
  while (current && path.length < 32) {
    path.unshift(current)
    current = current.parentId === null ? undefined : byId.get(current.parentId)
  }
  return path
}

/** Depth-first order (parents before children), with each category's depth. */
export function flattenTree(categories: Category[]): { category: Category; depth: number }[] {
  const out: { category: Category; depth: number }[] = []
  const visit = (parentId: number | null, depth: number) => {
    for (const category of childrenOf(categories, parentId)) {
      out.push({ category, depth })
      if (depth < 32) visit(category.id, depth + 1)
    }
  }
  visit(null, 0)
  return out
}

/** Counts per category rolled up so each category includes its subcategories. */
export function rollUpCounts(categories: Category[], directCounts: Map<number, number>) {
  const totals = new Map<number, number>()
  const byId = new Map(categories.map((category) => [category.id, category]))
  for (const [categoryId, count] of directCounts) {
    let current = byId.get(categoryId)
    let guard = 0
    while (current && guard++ < 32) {
      totals.set(current.id, (totals.get(current.id) ?? 0) + count)
      current = current.parentId === null ? undefined : byId.get(current.parentId)
    }
  }
  return totals
}
