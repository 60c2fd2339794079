import 'server-only'
import { and, desc, eq, gte, ilike, lt, type SQL } from 'drizzle-orm'
import { db } from '@/db/client'
import { auditLog } from '@/db/schema'
import { isoDay, one, pageNumber, type RawParams } from './list-params'

export const AUDIT_PER_PAGE = 50

export type AuditListParams = { entityType: string; entityId: string; action: string; actor: string; from: string; to: string; page: number }

export function parseAuditParams(params: RawParams): AuditListParams {
  const word = (key: string) => one(params, key).slice(0, 100)
  return {
    entityType: word('entity'),
    entityId: word('id'),
    action: word('action'),
    actor: word('actor'),
    from: isoDay(one(params, 'from')) ? one(params, 'from') : '',
    to: isoDay(one(params, 'to')) ? one(params, 'to') : '',
    page: pageNumber(one(params, 'page')),
  }
}

export async function listAuditEntries(params: AuditListParams) {
  const conditions: SQL[] = []
  if (params.entityType) conditions.push(eq(auditLog.entityType, params.entityType))
  if (params.entityId) conditions.push(eq(auditLog.entityId, params.entityId))
  if (params.action) conditions.push(eq(auditLog.action, params.action))
  if (params.actor) conditions.push(ilike(auditLog.actorEmail, `%${params.actor.replace(/[\\%_]/g, (char) => `\\${char}`)}%`))
  const from = isoDay(params.from)
  const to = isoDay(params.to)
  if (from) conditions.push(gte(auditLog.createdAt, from))
  if (to) conditions.push(lt(auditLog.createdAt, new Date(to.getTime() + 86_400_000)))
  const rows = await db
    .select()
    .from(auditLog)
    .where(conditions.length > 0 ? and(...conditions) : undefined)
    .orderBy(desc(auditLog.id))
    .limit(AUDIT_PER_PAGE + 1)
    .offset((params.page - 1) * AUDIT_PER_PAGE)
  return { rows: rows.slice(0, AUDIT_PER_PAGE), hasNext: rows.length > AUDIT_PER_PAGE }
}

export async function auditActionNames() {
  const rows = await db.selectDistinct({ action: auditLog.action }).from(auditLog).orderBy(auditLog.action)
  return rows.map((row) => row.action)
}
