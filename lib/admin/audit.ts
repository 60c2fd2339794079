import 'server-only'
import { and, eq, gt, sql } from 'drizzle-orm'
import { db, type Database } from '@/db/client'
import { auditLog } from '@/db/schema'
import type { AccountUser } from '@/lib/auth/users'

/** A transaction handle (or the database itself) that admin writes run on. */
export type Tx = Parameters<Parameters<Database['transaction']>[0]>[0] | typeof db

export type AuditEntry = {
  actor: Pick<AccountUser, 'id' | 'email'>
  action: string
  entityType: string
  entityId: string | number
  before?: unknown
  after?: unknown
}

/** Dates and other non-JSON values become plain JSON, so jsonb stores what the page showed. */
function toJson(value: unknown) {
  return value === undefined ? null : (JSON.parse(JSON.stringify(value)) as unknown)
}

/**
 * Records an admin change. Call it with the transaction that makes the change, so the log and
 * the change are written together or not at all.
 */
export async function recordAudit(tx: Tx, entry: AuditEntry) {
  await tx.insert(auditLog).values({
    actorUserId: entry.actor.id,
    actorEmail: entry.actor.email,
    action: entry.action,
    entityType: entry.entityType,
    entityId: String(entry.entityId),
    before: toJson(entry.before),
    after: toJson(entry.after),
  })
}

/** Whether this action was recorded on this record within the last `seconds` (a repeated click, say). */
export async function recordedWithin(tx: Tx, entry: { action: string; entityType: string; entityId: string | number }, seconds: number) {
  const [recent] = await tx
    .select({ id: auditLog.id })
    .from(auditLog)
    .where(
      and(
        eq(auditLog.entityType, entry.entityType),
        eq(auditLog.entityId, String(entry.entityId)),
        eq(auditLog.action, entry.action),
        gt(auditLog.createdAt, sql`now() - make_interval(secs => ${seconds})`),
      ),
    )
    .limit(1)
  return recent !== undefined
}
