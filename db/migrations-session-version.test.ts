import { describe, expect, it } from 'vitest'
import { databaseBefore } from './migration-test-database'

describe('migration 0009_session_version on a shop with accounts', () => {
  const { sql, migrateToLatest } = databaseBefore('0009_session_version')

  it('adds version 0 to every existing account, so nobody is signed out by the deploy', async () => {
    await sql`
      insert into users (id, name, email, role, password_hash, email_verified) values
        ('u-admin', 'Ada Admin', 'ada@shop.example', 'admin', '$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA', now()),
        ('u-shopper', 'Sam Shopper', 'sam@example.com', 'customer', '$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA', null),
        ('u-oauth', 'Olu OAuth', 'olu@example.com', 'customer', null, now())`
    await sql`insert into accounts (user_id, type, provider, provider_account_id) values ('u-oauth', 'oauth', 'github', '4242')`
    await sql`insert into addresses (user_id, full_name, line1, city, postal_code, country, is_default)
      values ('u-shopper', 'Sam Shopper', '12 High St', 'Leeds', 'LS1 1AA', 'GB', true)`
    expect(await sql`select 1 from information_schema.columns where table_name = 'users' and column_name = 'session_version'`).toHaveLength(0)

    await migrateToLatest()

    const users = await sql<{ id: string; email: string; role: string; session_version: number }[]>`
      select id, email, role, session_version from users order by id`
    expect(users).toEqual([
      { id: 'u-admin', email: 'ada@shop.example', role: 'admin', session_version: 0 },
      { id: 'u-oauth', email: 'olu@example.com', role: 'customer', session_version: 0 },
      { id: 'u-shopper', email: 'sam@example.com', role: 'customer', session_version: 0 },
    ])
    expect(await sql`select 1 from addresses where user_id = 'u-shopper'`).toHaveLength(1)
    // New accounts start at 0 too, and the column refuses to be empty.
    await sql`insert into users (id, email) values ('u-new', 'new@example.com')`
    expect((await sql`select session_version from users where id = 'u-new'`)[0]).toEqual({ session_version: 0 })
    await expect(sql`update users set session_version = null where id = 'u-new'`).rejects.toThrow(/null/)
  })
})
