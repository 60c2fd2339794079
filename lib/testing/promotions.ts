/** Promotions for tests, inserted directly (the admin path has its own tests). */
import { randomUUID } from 'node:crypto'
import { db } from '@/db/client'
import { promotions } from '@/db/schema'

export type TestPromotionFields = Partial<typeof promotions.$inferInsert> & Pick<typeof promotions.$inferInsert, 'kind'>

/** A code unique to this run, e.g. SAVE-1A2B3C. */
export function uniqueCode(prefix = 'SAVE') {
  return `${prefix}-${randomUUID().slice(0, 6).toUpperCase()}`
}

export async function createTestPromotion(fields: TestPromotionFields) {
  const [row] = await db
    .insert(promotions)
    .values({ name: 'Test promotion', ...fields })
    .returning()
  if (!row) throw new Error('promotion not written')
  return row
}
