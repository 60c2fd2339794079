import { z } from 'zod'
import { returnReason } from '@/db/schema/returns'
import { idSchema, priceCentsSchema } from '@/lib/bounds'

const quantity = z.coerce.number({ error: 'Enter how many to return.' }).int('Enter a whole number of items.').min(0, 'Enter 0 or more.').max(10_000, 'That is more than any order holds.')

/** The shopper's form: a quantity per order line (`qty-<order item id>`), a reason and a note. */
export const returnRequestSchema = z.object({
  orderId: idSchema,
  key: z.string().max(64).optional(),
  reason: z.enum(returnReason.enumValues, { error: 'Choose why you are returning these items.' }),
  note: z.string().trim().max(1000, 'Keep the note under 1,000 characters.').optional().default(''),
  lines: z.array(z.object({ orderItemId: idSchema, quantity })).max(200),
})

/** Reads the `qty-<id>` fields of the request form into lines. */
export function returnRequestInput(formData: FormData) {
  const lines: { orderItemId: string; quantity: string }[] = []
  for (const [name, value] of formData.entries()) {
    const match = /^qty-(\d{1,10})$/.exec(name)
    if (match?.[1] && typeof value === 'string') lines.push({ orderItemId: match[1], quantity: value.trim() === '' ? '0' : value })
  }
  const text = (name: string) => {
    const value = formData.get(name)
    return typeof value === 'string' ? value : undefined
  }
  return { orderId: text('orderId'), key: text('key') || undefined, reason: text('reason'), note: text('note'), lines }
}

const merchantMessage = z.string().trim().max(1000, 'Keep the message under 1,000 characters.')

export const returnDecisionSchema = z
  .object({ returnId: idSchema, decision: z.enum(['approve', 'reject'], { error: 'Choose approve or reject.' }), message: merchantMessage.optional().default('') })
  .refine((value) => value.decision === 'approve' || value.message.length > 0, { path: ['message'], message: 'Tell the shopper why the return is rejected.' })

export const returnCloseSchema = z.object({
  returnId: idSchema,
  message: merchantMessage
    .optional()
    .default('')
    .refine((value) => value.length > 0, 'Tell the shopper why the return is closed without a refund.'),
})

export const returnReceiveSchema = z.object({ returnId: idSchema, restockItemIds: z.array(idSchema).max(200) })

export function returnReceiveInput(formData: FormData) {
  const restockItemIds: string[] = []
  for (const [name, value] of formData.entries()) {
    const match = /^restock-(\d{1,10})$/.exec(name)
    if (match?.[1] && (value === 'on' || value === 'true')) restockItemIds.push(match[1])
  }
  return { returnId: formData.get('returnId') ?? undefined, restockItemIds }
}

export const returnRefundSchema = z.object({
  returnId: idSchema,
  amount: priceCentsSchema.refine((cents) => cents > 0, 'Enter an amount greater than zero.'),
})
