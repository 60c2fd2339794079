/** The fields that differ between an audit entry's before and after, for display. */
export function auditChanges(before: unknown, after: unknown): { field: string; before: string; after: string }[] {
  const show = (value: unknown) => (value === undefined ? '—' : typeof value === 'string' ? value : JSON.stringify(value))
  const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value)
  if (!isRecord(before) || !isRecord(after)) {
    return before === null && after === null ? [] : [{ field: '', before: before === null ? '—' : show(before), after: after === null ? '—' : show(after) }]
  }
  const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])]
  return fields.filter((field) => JSON.stringify(before[field]) !== JSON.stringify(after[field])).map((field) => ({ field, before: show(before[field]), after: show(after[field]) }))
}
