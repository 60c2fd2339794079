import 'server-only'
import { and, eq, sql } from 'drizzle-orm'
import { db } from '@/db/client'
import { mailOptOuts } from '@/db/schema'

export type MailTopic = (typeof mailOptOuts.$inferInsert)['topic']

/** The owner of mail_opt_outs: who asked not to get a kind of mail, by address (lower-cased). */
export async function isOptedOut(email: string, topic: MailTopic) {
  const [row] = await db
    .select({ email: mailOptOuts.email })
    .from(mailOptOuts)
    .where(and(eq(mailOptOuts.email, email.toLowerCase()), eq(mailOptOuts.topic, topic)))
  return Boolean(row)
}

export async function setOptOut(email: string, topic: MailTopic, optedOut: boolean) {
  if (optedOut) {
    await db.insert(mailOptOuts).values({ email: email.toLowerCase(), topic }).onConflictDoNothing()
  } else {
    await db.delete(mailOptOuts).where(and(eq(mailOptOuts.email, email.toLowerCase()), eq(mailOptOuts.topic, topic)))
  }
}

/** For SQL that picks recipients: true when this address opted out of the topic. */
export function optedOutSql(emailColumn: ReturnType<typeof sql>, topic: MailTopic) {
  return sql`exists (select 1 from mail_opt_outs m where m.email = lower(${emailColumn}) and m.topic = ${topic})`
}
