'use server'

import { revalidatePath } from 'next/cache'
import { z } from 'zod'
import type { ActionState } from '@/lib/action-state'
import { formAction } from '@/lib/define-action'
import { formatMoney } from '@/lib/money'
import { resolveCartId } from './cart'
import { applyPromotionCode, removePromotionCode } from './promotion-code'

const codeSchema = z.object({
  code: z.string({ error: 'Enter a code.' }).trim().min(1, 'Enter a code.').max(64, 'That code is too long; codes have at most 32 characters.'),
})

export const applyPromotionCodeAction = formAction({ name: 'cart.apply-code', access: 'public', schema: codeSchema, input: ['code'] }, async ({ code }, { caller }): Promise<ActionState> => {
  const cartId = await resolveCartId({ create: false })
  if (!cartId) return { ok: false, error: 'Your cart is empty.' }
  const outcome = await applyPromotionCode(cartId, code, caller?.email ?? null)
  if (!outcome.ok) return { ok: false, error: outcome.error, values: { code } }
  revalidatePath('/cart')
  return { ok: true, message: `${outcome.code} applied: you save ${formatMoney(outcome.savedCents, outcome.currency)}.` }
})

export const removePromotionCodeAction = formAction({ name: 'cart.remove-code', access: 'public', schema: z.object({}), input: [] }, async (): Promise<ActionState> => {
  const cartId = await resolveCartId({ create: false })
  if (!cartId) return { ok: false, error: 'Your cart is empty, so there is no code to remove.' }
  await removePromotionCode(cartId)
  revalidatePath('/cart')
  return { ok: true, message: 'Code removed.' }
})
