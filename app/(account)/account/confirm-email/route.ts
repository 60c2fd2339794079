import { TransactionRollbackError, eq } from 'drizzle-orm'
import { type NextRequest, NextResponse } from 'next/server'
import { db } from '@/db/client'
import { users } from '@/db/schema'
import { requireUser } from '@/lib/auth/session'
import { consumeAccountToken } from '@/lib/auth/tokens'
import { isUniqueViolation } from '@/lib/auth/users'
import { tokenSchema } from '@/lib/auth/validation'

/** The link from the email-change message: signed in as the same account, it switches the address. */
export async function GET(request: NextRequest) {
  const rawToken = request.nextUrl.searchParams.get('token') ?? ''
  const user = await requireUser(`/account/confirm-email?token=${encodeURIComponent(rawToken.slice(0, 64))}`)
  const profile = new URL('/account/profile', request.nextUrl)
  const token = tokenSchema.safeParse(rawToken)
  if (!token.success) {
    profile.searchParams.set('email', 'invalid')
    return NextResponse.redirect(profile, 303)
  }
  const outcome = await db
    .transaction(async (tx) => {
      const consumed = await consumeAccountToken(token.data, 'email_change', tx)
      // Someone else's link is not used up: its owner can still open it.
      if (!consumed?.newEmail || consumed.userId !== user.id) return tx.rollback()
      await tx
        .update(users)
        .set({ email: consumed.newEmail, emailVerified: new Date() })
        .where(eq(users.id, user.id))
      return 'changed' as const
    })
    .catch((error: unknown) => {
      if (isUniqueViolation(error)) return 'taken' as const
      if (error instanceof TransactionRollbackError) return 'invalid' as const
      throw error
    })
  profile.searchParams.set('email', outcome)
  return NextResponse.redirect(profile, 303)
}
