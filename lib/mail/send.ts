import 'server-only'
import { desc } from 'drizzle-orm'
import nodemailer, { type Transporter } from 'nodemailer'
import { db } from '@/db/client'
import { devMailbox } from '@/db/schema'
import { env } from '@/lib/env'
import type { MailContent } from './templates'

let transporter: Transporter | undefined

/**
 * Sends through SMTP when SMTP_URL is set. Otherwise the message goes to the development
 * outbox (shown at /dev/mailbox outside production) and its text is logged.
 */
export async function sendMail(to: string, content: MailContent) {
  if (env.SMTP_URL) {
    transporter ??= nodemailer.createTransport(env.SMTP_URL)
    await transporter.sendMail({ from: env.MAIL_FROM, to, ...content })
    return
  }
  await db.insert(devMailbox).values({ to, subject: content.subject, html: content.html, text: content.text, headers: content.headers ?? {} })
  console.info(`[mail] to ${to}: ${content.subject}\n${content.text}`)
}

export async function listDevMailbox(limit = 50) {
  return db.select().from(devMailbox).orderBy(desc(devMailbox.id)).limit(limit)
}
