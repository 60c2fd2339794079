import { z } from 'zod'

export const REVIEW_TITLE_MAX = 120
export const REVIEW_BODY_MAX = 4000

const ratingMessage = 'Choose a rating from 1 to 5 stars.'

/** A whole number of stars, 1 to 5, as the form sends it ("3.5", "0", "five" are refused). */
export const ratingSchema = z
  .string({ error: ratingMessage })
  .trim()
  .regex(/^[1-5]$/, ratingMessage)
  .transform(Number)

const id = (message: string) =>
  z
    .string({ error: message })
    .trim()
    .regex(/^[1-9][0-9]{0,9}$/, message)
    .transform(Number)
    .refine((value) => value <= 2_147_483_647, message)

export const productIdSchema = id('Choose a product to review.')
export const reviewIdSchema = id('That review no longer exists.')

export const reviewSchema = z.object({
  rating: ratingSchema,
  title: z.string({ error: 'Give your review a title.' }).trim().min(1, 'Give your review a title.').max(REVIEW_TITLE_MAX, `Keep the title to ${REVIEW_TITLE_MAX} characters or fewer.`),
  body: z
    .string({ error: 'Write a few words about the product.' })
    .trim()
    .min(1, 'Write a few words about the product.')
    .max(REVIEW_BODY_MAX, `Keep the review to ${REVIEW_BODY_MAX} characters or fewer.`),
})
export type ReviewInput = z.infer<typeof reviewSchema>

export const createReviewSchema = reviewSchema.extend({ productId: productIdSchema })
export const updateReviewSchema = reviewSchema.extend({ reviewId: reviewIdSchema })
export const reviewRefSchema = z.object({ reviewId: reviewIdSchema })
export const reportReviewSchema = z.object({
  reviewId: reviewIdSchema,
  reason: z.string().trim().max(500, 'Keep the reason to 500 characters or fewer.').optional().default(''),
})
export const hideReviewSchema = z.object({
  reviewId: reviewIdSchema,
  reason: z.string({ error: 'Say why the review is hidden.' }).trim().min(1, 'Say why the review is hidden.').max(500, 'Keep the reason to 500 characters or fewer.'),
})

export const reviewSorts = ['newest', 'highest', 'lowest', 'helpful'] as const
export type ReviewSort = (typeof reviewSorts)[number]
export const reviewSortLabels: Record<ReviewSort, string> = {
  newest: 'Newest',
  highest: 'Highest rated',
  lowest: 'Lowest rated',
  helpful: 'Most helpful',
}

/** ?sort=&page= from any query string, with sane defaults for anything malformed. */
export function parseReviewListParams(params: Record<string, string | string[] | undefined>): { sort: ReviewSort; page: number } {
  const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value)
  const sortValue = first(params.sort)
  const sort = reviewSorts.find((candidate) => candidate === sortValue) ?? 'newest'
  const pageValue = Number(first(params.page))
  const page = Number.isInteger(pageValue) && pageValue >= 1 && pageValue <= 10_000 ? pageValue : 1
  return { sort, page }
}

/** "Ada Lovelace" → "Ada L."; reviews never show a full name or an email. */
export function reviewerDisplayName(name: string | null | undefined) {
  const parts = (name ?? '').trim().split(/\s+/).filter(Boolean)
  const [first, last] = [parts[0], parts.at(-1)]
  if (!first) return 'A shopper'
  return parts.length > 1 && last ? `${first} ${last.charAt(0).toUpperCase()}.` : first
}

export type ModerationParams = { rating: number | null; hidden: 'any' | 'yes' | 'no'; reported: boolean; page: number }

/** /admin/reviews?rating=&hidden=&reported=&page= with defaults for anything malformed. */
export function parseModerationParams(params: Record<string, string | string[] | undefined>): ModerationParams {
  const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value)
  const rating = first(params.rating)
  const hidden = first(params.hidden)
  const page = Number(first(params.page))
  return {
    rating: rating && /^[1-5]$/.test(rating) ? Number(rating) : null,
    hidden: hidden === 'yes' || hidden === 'no' ? hidden : 'any',
    reported: first(params.reported) === '1',
    page: Number.isInteger(page) && page >= 1 && page <= 10_000 ? page : 1,
  }
}
