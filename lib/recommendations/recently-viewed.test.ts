import { describe, expect, it } from 'vitest'
import { addRecentlyViewed, parseRecentlyViewed, RECENTLY_VIEWED_MAX } from './recently-viewed'

describe('recently viewed cookie', () => {
  it('parses ids and drops junk and repeats', () => {
    expect(parseRecentlyViewed('3.1.x.3.-4.0.99999999999.7')).toEqual([3, 1, 7])
    expect(parseRecentlyViewed(undefined)).toEqual([])
  })

  it('puts the latest first and keeps the list short', () => {
    let value = ''
    for (let id = 1; id <= 20; id++) value = addRecentlyViewed(value, id)
    expect(parseRecentlyViewed(value)).toHaveLength(RECENTLY_VIEWED_MAX)
    expect(parseRecentlyViewed(addRecentlyViewed(value, 15))[0]).toBe(15)
    expect(parseRecentlyViewed(addRecentlyViewed(value, 15)).filter((id) => id === 15)).toHaveLength(1)
  })
})
