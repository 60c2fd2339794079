import type { NextRequest } from 'next/server'
import { seeOther } from '@/lib/http/see-other'
import { keepThisSession, requireUser } from '@/lib/auth/session'
import { confirmEmailChange } from '@/lib/auth/users'
import { tokenSchema } from '@/lib/auth/validation'

/** The link from the email-change message: signed in as the same account, it switches the address. */
export async function GET(request: NextRequest) {
  const rawToken = request.nextUrl.searchParams.get('token') ?? ''
  const user = await requireUser(`/account/confirm-email?token=${encodeURIComponent(rawToken.slice(0, 64))}`)
  const token = tokenSchema.safeParse(rawToken)
  if (!token.success) return seeOther('/account/profile', { email: 'invalid' })
  const result = await confirmEmailChange(user.id, token.data)
  // The change ended the account's other sessions; this one stays signed in.
  if (result.outcome === 'changed') await keepThisSession(user.id, result.sessionVersion)
  return seeOther('/account/profile', { email: result.outcome })
}
