import 'server-only'
import { parseArgs } from 'node:util'
import postgres from 'postgres'
import { z } from 'zod'
import { hashPassword } from '@/lib/auth/password'
import { emailSchema, nameSchema, passwordSchema } from '@/lib/auth/validation'
import { withDatabase } from './database'

// Usage: npm run user:create-admin -- --email you@example.com --password '…' [--name 'Your Name']
// Creates the account as an admin, or promotes an existing one (its password is then left alone
// unless --password is given).
const { values } = parseArgs({ options: { email: { type: 'string' }, password: { type: 'string' }, name: { type: 'string' } } })
const parsed = z.object({ email: emailSchema, password: passwordSchema.optional(), name: nameSchema.optional() }).safeParse(values)
if (!parsed.success) {
  for (const issue of parsed.error.issues) console.error(`--${String(issue.path[0])}: ${issue.message}`)
  process.exit(2)
}
const { email, password, name } = parsed.data

await withDatabase(async ({ url }) => {
  const sql = postgres(url, { max: 1, onnotice: () => {} })
  try {
    const [existing] = await sql<{ id: string }[]>`select id from users where lower(email) = ${email}`
    if (existing) {
      const passwordHash = password ? await hashPassword(password) : null
      await sql`update users set role = 'admin', password_hash = coalesce(${passwordHash}, password_hash), updated_at = now() where id = ${existing.id}`
      console.log(`${email} is now an admin.`)
      return
    }
    if (!password) {
      console.error('--password is required to create a new account.')
      process.exitCode = 2
      return
    }
    await sql`insert into users (id, name, email, role, password_hash)
              values (${crypto.randomUUID()}, ${name ?? null}, ${email}, 'admin', ${await hashPassword(password)})`
    console.log(`Created admin ${email}.`)
  } finally {
    await sql.end()
  }
})
