/** The "recently viewed" list lives in a cookie (newest first), so guests have one too and the server can read it. */
export const RECENTLY_VIEWED_COOKIE = 'recently_viewed'
export const RECENTLY_VIEWED_MAX = 12

/** "12.7.3" → [12, 7, 3]; anything malformed is dropped. */
export function parseRecentlyViewed(value: string | undefined | null): number[] {
  if (!value) return []
  const ids: number[] = []
  for (const part of value.split('.')) {
    if (!/^[1-9][0-9]{0,9}$/.test(part)) continue
    const id = Number(part)
    if (id <= 2_147_483_647 && !ids.includes(id)) ids.push(id)
    if (ids.length >= RECENTLY_VIEWED_MAX) break
  }
  return ids
}

/** Puts `productId` first, keeps the list short and free of repeats. */
export function addRecentlyViewed(value: string | undefined | null, productId: number): string {
  return [productId, ...parseRecentlyViewed(value).filter((id) => id !== productId)].slice(0, RECENTLY_VIEWED_MAX).join('.')
}
