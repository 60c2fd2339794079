/** Query-string parsing shared by admin tables: anything malformed falls back to a sane default. */
export type RawParams = Record<string, string | string[] | undefined>

export function one(params: RawParams, key: string): string {
  const value = params[key]
  return (Array.isArray(value) ? value[0] : value)?.trim() ?? ''
}

export function pick<T extends string>(value: string, allowed: readonly T[], fallback: T): T {
  return (allowed as readonly string[]).includes(value) ? (value as T) : fallback
}

export function pageNumber(value: string) {
  const page = Number(value)
  return Number.isInteger(page) && page >= 1 && page <= 100_000 ? page : 1
}

export function positiveId(value: string): number | null {
  const id = Number(value)
  return Number.isInteger(id) && id > 0 && id < 2 ** 31 ? id : null
}

/** yyyy-mm-dd → that UTC day, or null. */
export function isoDay(value: string): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return null
  const date = new Date(`${value}T00:00:00Z`)
  return Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value ? null : date
}

/** The URL of a list with some parameters changed; empty values are left out. */
export function hrefWith(pathname: string, current: Record<string, string | number>, changes: Record<string, string | number>) {
  const query = new URLSearchParams()
  for (const [key, value] of Object.entries({ ...current, ...changes })) {
    if (value !== '' && value !== undefined) query.set(key, String(value))
  }
  const text = query.toString()
  return text ? `${pathname}?${text}` : pathname
}
