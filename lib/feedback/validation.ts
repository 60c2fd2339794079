import { z } from 'zod'

export const feedbackTopics = ['bug', 'idea', 'order_problem', 'other'] as const
export type FeedbackTopic = (typeof feedbackTopics)[number]
export const feedbackTopicLabels: Record<FeedbackTopic, string> = {
  bug: 'Something is broken',
  idea: 'An idea',
  order_problem: 'A problem with an order',
  other: 'Something else',
}

export const feedbackStatuses = ['new', 'in_progress', 'done'] as const
export type FeedbackStatus = (typeof feedbackStatuses)[number]
export const feedbackStatusLabels: Record<FeedbackStatus, string> = { new: 'New', in_progress: 'In progress', done: 'Done' }

export const FEEDBACK_MESSAGE_MAX = 5000

const message = z.string({ error: 'Write your message.' }).trim().min(1, 'Write your message.').max(FEEDBACK_MESSAGE_MAX, `Keep the message to ${FEEDBACK_MESSAGE_MAX} characters or fewer.`)
const topic = z.enum(feedbackTopics, { error: 'Choose a topic.' })

/** Guests must leave an email so the merchant can answer. */
export const guestFeedbackSchema = z.object({
  topic,
  message,
  email: z.string({ error: 'Enter your email address so we can reply.' }).trim().toLowerCase().pipe(z.email('Enter a valid email address.').max(254, 'Enter a valid email address.')),
})

/** Signed-in shoppers' feedback is linked to their account; the email is theirs. */
export const memberFeedbackSchema = z.object({ topic, message })

export const updateFeedbackSchema = z.object({
  feedbackId: z
    .string({ error: 'That message no longer exists.' })
    .regex(/^[1-9][0-9]{0,9}$/, 'That message no longer exists.')
    .transform(Number)
    .refine((value) => value <= 2_147_483_647, 'That message no longer exists.'),
  status: z.enum(feedbackStatuses, { error: 'Choose a status.' }),
  adminNote: z.string().trim().max(FEEDBACK_MESSAGE_MAX, `Keep the note to ${FEEDBACK_MESSAGE_MAX} characters or fewer.`).optional().default(''),
})

/** /admin/feedback?status=&topic=&page= with defaults for anything malformed. */
export function parseFeedbackFilters(params: Record<string, string | string[] | undefined>) {
  const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value)
  const status = feedbackStatuses.find((candidate) => candidate === first(params.status)) ?? null
  const topic = feedbackTopics.find((candidate) => candidate === first(params.topic)) ?? null
  const page = Number(first(params.page))
  return { status, topic, page: Number.isInteger(page) && page >= 1 && page <= 10_000 ? page : 1 }
}
