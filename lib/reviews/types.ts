export type ReviewView = {
  id: number
  rating: number
  title: string
  body: string
  authorName: string
  verified: boolean
  helpfulCount: number
  createdAt: string
  edited: boolean
}

export type RatingDistribution = Record<1 | 2 | 3 | 4 | 5, number>

export type ReviewOverview = {
  average: number
  count: number
  distribution: RatingDistribution
  latest: ReviewView[]
}

export type ViewerReview = ReviewView & { votedByViewer: boolean; reportedByViewer: boolean; mine: boolean }
