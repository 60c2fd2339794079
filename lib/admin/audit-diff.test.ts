import { describe, expect, it } from 'vitest'
import { auditChanges } from './audit-diff'

describe('auditChanges', () => {
  it('lists only the fields that changed', () => {
    expect(auditChanges({ name: 'A', price: 1, same: true }, { name: 'B', price: 1, same: true, added: [1] })).toEqual([
      { field: 'name', before: 'A', after: 'B' },
      { field: 'added', before: '—', after: '[1]' },
    ])
  })
  it('shows a created or deleted row whole', () => {
    expect(auditChanges(null, { id: 1 })).toEqual([{ field: '', before: '—', after: '{"id":1}' }])
    expect(auditChanges({ id: 1 }, null)).toEqual([{ field: '', before: '{"id":1}', after: '—' }])
    expect(auditChanges(null, null)).toEqual([])
  })
})
