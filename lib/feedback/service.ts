import 'server-only'
import { and, desc, eq, type SQL, sql } from 'drizzle-orm'
import { db } from '@/db/client'
import { feedback, users } from '@/db/schema'
import { recordAudit } from '@/lib/admin/audit'
import type { AccountUser } from '@/lib/auth/users'
import type { FeedbackStatus, FeedbackTopic } from './validation'

export async function saveFeedback(input: { topic: FeedbackTopic; message: string; email: string | null; userId: string | null }) {
  const [row] = await db.transaction((tx) => tx.insert(feedback).values(input).returning({ id: feedback.id }))
  return row?.id ?? null
}

/** Triage by an admin (status and note), written to the audit log in the same transaction. */
export async function updateFeedback(admin: Pick<AccountUser, 'id' | 'email'>, id: number, change: { status: FeedbackStatus; adminNote: string }) {
  return db.transaction(async (tx) => {
    const [before] = await tx.select({ status: feedback.status, adminNote: feedback.adminNote }).from(feedback).where(eq(feedback.id, id)).for('update')
    if (!before) return false
    await tx.update(feedback).set(change).where(eq(feedback.id, id))
    await recordAudit(tx, { actor: admin, action: 'feedback.update', entityType: 'feedback', entityId: id, before, after: change })
    return true
  })
}

export type FeedbackFilters = { status: FeedbackStatus | null; topic: FeedbackTopic | null; page: number }

export async function listFeedback(filters: FeedbackFilters, pageSize = 25) {
  const conditions: SQL[] = []
  if (filters.status) conditions.push(eq(feedback.status, filters.status))
  if (filters.topic) conditions.push(eq(feedback.topic, filters.topic))
  const where = conditions.length > 0 ? and(...conditions) : undefined
  const [rows, [totals]] = await Promise.all([
    db
      .select({
        id: feedback.id,
        topic: feedback.topic,
        message: feedback.message,
        email: sql<string | null>`coalesce(${users.email}, ${feedback.email})`,
        accountName: users.name,
        signedIn: sql<boolean>`${feedback.userId} is not null`,
        status: feedback.status,
        adminNote: feedback.adminNote,
        createdAt: feedback.createdAt,
      })
      .from(feedback)
      .leftJoin(users, eq(users.id, feedback.userId))
      .where(where)
      .orderBy(desc(feedback.createdAt), desc(feedback.id))
      .limit(pageSize)
      .offset((filters.page - 1) * pageSize),
    db
      .select({ total: sql<number>`count(*)::int` })
      .from(feedback)
      .where(where),
  ])
  const total = totals?.total ?? 0
  return { items: rows, total, pageCount: Math.max(1, Math.ceil(total / pageSize)) }
}
