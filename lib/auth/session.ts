import 'server-only'
import { forbidden, redirect } from 'next/navigation'
import { connection } from 'next/server'
import { cache } from 'react'
import { auth } from './auth'
import { type AccountUser, findUserById } from './users'

/** The session for this request, read once however many components ask. */
export const getSession = cache(async () => {
  // Reading the session mints a CSRF token (random bytes), which only request time may do.
  await connection()
  return auth()
})

/**
 * The signed-in user, read from the database (so a deleted account or a changed role counts
 * at once, not when the token expires), or null.
 */
export const getCurrentUser = cache(async (): Promise<AccountUser | null> => {
  const session = await getSession()
  const id = session?.user?.id
  return id ? findUserById(id) : null
})

/** Every page, action and route handler of /account calls this itself. */
export async function requireUser(returnTo = '/account'): Promise<AccountUser> {
  const user = await getCurrentUser()
  if (!user) redirect(`/login?callbackUrl=${encodeURIComponent(returnTo)}`)
  return user
}

/** Every page, action and route handler of /admin calls this itself; customers get a 403. */
export async function requireAdmin(returnTo = '/admin'): Promise<AccountUser> {
  const user = await requireUser(returnTo)
  if (user.role !== 'admin') forbidden()
  return user
}
