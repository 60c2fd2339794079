import 'server-only'
import type { Sql } from 'postgres'
import { hashPassword } from '@/lib/auth/password'

/** Demo accounts for the embedded development database only (listed in the README). */
export const demoUsers = [
  { name: 'Demo Admin', email: 'admin@northwind.test', password: 'northwind-admin-demo', role: 'admin' },
  { name: 'Demo Shopper', email: 'shopper@northwind.test', password: 'northwind-shopper-demo', role: 'customer' },
] as const

export async function seedDemoUsers(sql: Sql) {
  for (const user of demoUsers) {
    const passwordHash = await hashPassword(user.password)
    await sql`
      insert into users (id, name, email, role, password_hash)
      values (${crypto.randomUUID()}, ${user.name}, ${user.email}, ${user.role}, ${passwordHash})
      on conflict (lower(email)) do nothing`
  }
}
