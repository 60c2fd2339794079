import 'server-only'
import { forbidden, redirect } from 'next/navigation'
import { connection } from 'next/server'
import { cache } from 'react'
import { auth, unstable_update } from './auth'
import { db } from '@/db/client'
import { endSessionsOf, sessionVersionGrant, tokenSessionVersion } from './session-version'
import { type AccountUser, findUserById } from './users'

/** The session for this request, read once however many components ask. */
export const getSession = cache(async () => {
  // Reading the session mints a CSRF token (random bytes), which only request time may do.
  await connection()
  return auth()
})

/**
 * The signed-in user, read from the database (so a deleted account, a changed role or an ended
 * session counts at once, not when the token expires), or null.
 */
export const getCurrentUser = cache(async (): Promise<AccountUser | null> => {
  const session = await getSession()
  const id = session?.user?.id
  if (!id) return null
  const user = await findUserById(id)
  // The account's sessions were ended (password changed, signed out elsewhere…) after this one began.
  if (!user || user.sessionVersion !== tokenSessionVersion(session.user.sessionVersion)) return null
  return user
})

/**
 * Moves this request's session to the account's new session version, so the session that ended
 * the others stays signed in. Call it after endSessionsOf(), in a server action or route handler.
 */
export async function keepThisSession(userId: string, sessionVersion: number) {
  await unstable_update({ user: { sessionVersion }, sessionVersionGrant: sessionVersionGrant(userId, sessionVersion) })
}

/** "Sign out of all other devices": every session of the account ends except this one. */
export async function endOtherSessions(userId: string) {
  const sessionVersion = await endSessionsOf(db, userId)
  if (sessionVersion !== null) await keepThisSession(userId, sessionVersion)
}

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
