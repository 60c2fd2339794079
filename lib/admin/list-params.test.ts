import { describe, expect, it } from 'vitest'
import { hrefWith, isoDay, one, pageNumber, pick, positiveId } from './list-params'

describe('admin list parameters', () => {
  it('falls back to defaults for anything malformed', () => {
    expect(one({ q: ['a', 'b'] }, 'q')).toBe('a')
    expect(one({}, 'q')).toBe('')
    expect(pick('price', ['name', 'price'] as const, 'name')).toBe('price')
    expect(pick('drop table', ['name', 'price'] as const, 'name')).toBe('name')
    expect(pageNumber('3')).toBe(3)
    for (const bad of ['0', '-1', '1.5', 'x', '1e9']) expect(pageNumber(bad)).toBe(1)
    expect(positiveId('12')).toBe(12)
    expect(positiveId('99999999999')).toBeNull()
    expect(isoDay('2026-02-30')).toBeNull()
    expect(isoDay('2026-02-28')?.toISOString()).toBe('2026-02-28T00:00:00.000Z')
  })

  it('builds URLs that keep the state and drop empty values', () => {
    expect(hrefWith('/admin/products', { q: 'mug', page: 2, status: '' }, { page: 3 })).toBe('/admin/products?q=mug&page=3')
    expect(hrefWith('/admin/products', {}, {})).toBe('/admin/products')
  })
})
