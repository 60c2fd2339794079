import { describe, expect, it } from 'vitest'
import { createReviewSchema, parseReviewListParams, reviewerDisplayName } from './validation'

const valid = { productId: '12', rating: '4', title: 'Good', body: 'Works well.' }

describe('review validation', () => {
  it('accepts whole ratings 1 to 5 only', () => {
    for (const rating of ['1', '5', ' 3 ']) expect(createReviewSchema.safeParse({ ...valid, rating }).success).toBe(true)
    for (const rating of ['0', '6', '3.5', 'five', '', '-1', '4e0', undefined]) {
      expect(createReviewSchema.safeParse({ ...valid, rating }).success, String(rating)).toBe(false)
    }
  })

  it('limits title and body, and keeps HTML as plain text', () => {
    expect(createReviewSchema.safeParse({ ...valid, title: 'x'.repeat(121) }).success).toBe(false)
    expect(createReviewSchema.safeParse({ ...valid, body: 'x'.repeat(4001) }).success).toBe(false)
    expect(createReviewSchema.safeParse({ ...valid, body: 'x'.repeat(1024 * 1024) }).success).toBe(false)
    expect(createReviewSchema.safeParse({ ...valid, body: '   ' }).success).toBe(false)
    const html = createReviewSchema.parse({ ...valid, body: '<script>alert(1)</script>' })
    expect(html.body).toBe('<script>alert(1)</script>')
  })

  it('parses list params with defaults', () => {
    expect(parseReviewListParams({})).toEqual({ sort: 'newest', page: 1 })
    expect(parseReviewListParams({ sort: 'helpful', page: '3' })).toEqual({ sort: 'helpful', page: 3 })
    expect(parseReviewListParams({ sort: ['lowest', 'x'], page: '-2' })).toEqual({ sort: 'lowest', page: 1 })
    expect(parseReviewListParams({ sort: 'drop table', page: '1.5' })).toEqual({ sort: 'newest', page: 1 })
  })

  it('shows a first name and an initial', () => {
    expect(reviewerDisplayName('Ada Lovelace')).toBe('Ada L.')
    expect(reviewerDisplayName('Cher')).toBe('Cher')
    expect(reviewerDisplayName(null)).toBe('A shopper')
  })
})
