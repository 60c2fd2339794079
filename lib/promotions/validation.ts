import { z } from 'zod'
import { idSchema, MAX_INT4, MAX_PRICE_CENTS } from '@/lib/bounds'
import { formatMoney, parseMajorUnits } from '@/lib/money'
import { CODE_PATTERN, normalizeCode } from '@/lib/pricing/promotion-rules'

/** An HTML checkbox: present ("on") when ticked, absent otherwise. */
const checkbox = z.preprocess((value) => value === 'on' || value === 'true' || value === '1', z.boolean())

const optionalText = z
  .string()
  .optional()
  .transform((value) => value?.trim() ?? '')

/** "12.5" → 1250 basis points; more than 2 decimals, 0, negative or over 100 are refused. */
function parsePercent(value: string): number | null {
  const match = /^(\d{1,3})(?:\.(\d{1,2}))?$/.exec(value)
  if (!match) return null
  return Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'))
}

/** Money in dollars for the form ("50", "4.95"); empty → null. */
const optionalMoney = (label: string) =>
  optionalText.transform((value, ctx) => {
    if (!value) return null
    const cents = parseMajorUnits(value)
    if (cents === null || cents > MAX_PRICE_CENTS) {
      ctx.addIssue({ code: 'custom', message: `Enter the ${label} in dollars, like 50 or 4.95 (not negative, at most ${formatMoney(MAX_PRICE_CENTS)}).` })
      return z.NEVER
    }
    return cents
  })

/** A date and time from <input type="datetime-local">, read as UTC; empty → null. */
const optionalDate = optionalText.transform((value, ctx) => {
  if (!value) return null
  const date = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2})?)?$/.test(value) ? new Date(value.length === 10 ? `${value}T00:00:00Z` : `${value}Z`) : null
  if (!date || Number.isNaN(date.getTime())) {
    ctx.addIssue({ code: 'custom', message: 'Enter a date like 2026-12-24 and a time (UTC).' })
    return z.NEVER
  }
  return date
})

/** "3, 17 42" → [3, 17, 42]: ids of products or categories. */
const idList = (what: string) =>
  z
    .union([z.string(), z.array(z.string())])
    .optional()
    .transform((value, ctx) => {
      const parts = (Array.isArray(value) ? value : [value ?? '']).flatMap((part) => part.split(/[\s,]+/)).filter(Boolean)
      const ids = parts.map(Number)
      if (ids.some((id) => !Number.isInteger(id) || id <= 0 || id > MAX_INT4)) {
        ctx.addIssue({ code: 'custom', message: `List ${what} by their numbers, separated by commas.` })
        return z.NEVER
      }
      return [...new Set(ids)]
    })

const promotionFields = z.object({
  name: z.string({ error: 'Give the promotion a name.' }).trim().min(1, 'Give the promotion a name.').max(80, 'Keep the name under 80 characters.'),
  code: optionalText.transform((value, ctx) => {
    if (!value) return null
    const code = normalizeCode(value)
    if (!CODE_PATTERN.test(code)) {
      ctx.addIssue({ code: 'custom', message: 'A code has 3 to 32 letters, digits, dashes or underscores (leave it empty for an automatic promotion).' })
      return z.NEVER
    }
    return code
  }),
  kind: z.enum(['percentage', 'fixed', 'free_shipping'], { error: 'Choose what the promotion takes off.' }),
  percent: optionalText,
  amount: optionalMoney('amount'),
  scope: z.enum(['order', 'items'], { error: 'Choose what the promotion applies to.' }),
  productIds: idList('products'),
  categoryIds: idList('categories'),
  minSubtotal: optionalMoney('minimum subtotal'),
  startsAt: optionalDate,
  endsAt: optionalDate,
  usageLimit: optionalText.transform((value, ctx) => {
    if (!value) return null
    const limit = Number(value)
    if (!/^\d{1,9}$/.test(value) || limit <= 0) {
      ctx.addIssue({ code: 'custom', message: 'Enter a whole number of uses greater than zero, or leave it empty for no limit.' })
      return z.NEVER
    }
    return limit
  }),
  onePerCustomer: checkbox,
  active: checkbox,
})

function refinePromotion<T extends z.infer<typeof promotionFields>>(value: T, ctx: z.RefinementCtx) {
  if (value.kind === 'percentage') {
    const basisPoints = parsePercent(value.percent)
    if (basisPoints === null || basisPoints <= 0 || basisPoints > 10_000) {
      ctx.addIssue({ code: 'custom', path: ['percent'], message: 'Enter a percentage greater than 0 and at most 100, like 20 or 12.5.' })
    }
  }
  if (value.kind === 'fixed' && (value.amount === null || value.amount <= 0)) {
    ctx.addIssue({ code: 'custom', path: ['amount'], message: 'Enter the amount to take off, greater than zero, like 5 or 7.50.' })
  }
  if (value.scope === 'items' && value.productIds.length === 0 && value.categoryIds.length === 0) {
    ctx.addIssue({ code: 'custom', path: ['categoryIds'], message: 'Choose at least one category or product, or apply it to the whole order.' })
  }
  if (value.startsAt && value.endsAt && value.endsAt <= value.startsAt) {
    ctx.addIssue({ code: 'custom', path: ['endsAt'], message: 'The end must be after the start.' })
  }
}

function toValues<T extends z.infer<typeof promotionFields>>(value: T) {
  return {
    ...value,
    percentBasisPoints: value.kind === 'percentage' ? parsePercent(value.percent) : null,
    amountCents: value.kind === 'fixed' ? value.amount : null,
    minSubtotalCents: value.minSubtotal ?? 0,
    productIds: value.scope === 'items' ? value.productIds : [],
    categoryIds: value.scope === 'items' ? value.categoryIds : [],
  }
}

export const createPromotionSchema = promotionFields.superRefine(refinePromotion).transform(toValues)
export const updatePromotionSchema = promotionFields.extend({ id: idSchema }).superRefine(refinePromotion).transform(toValues)
export const setPromotionActiveSchema = z.object({ id: idSchema, active: z.enum(['true', 'false']).transform((value) => value === 'true') })

export type PromotionInput = z.infer<typeof createPromotionSchema>
export const promotionFormFields = [
  'name',
  'code',
  'kind',
  'percent',
  'amount',
  'scope',
  'productIds',
  'categoryIds',
  'minSubtotal',
  'startsAt',
  'endsAt',
  'usageLimit',
  'onePerCustomer',
  'active',
] as const
