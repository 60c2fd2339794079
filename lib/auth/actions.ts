'use server'

import { AuthError } from 'next-auth'
import { redirect } from 'next/navigation'
import { db } from '@/db/client'
import { users } from '@/db/schema'
import { type ActionState, failure, formObject, invalid } from '@/lib/action-state'
import { siteUrl } from '@/lib/env'
import { sendMail } from '@/lib/mail/send'
import { passwordResetMail, welcomeMail } from '@/lib/mail/templates'
import { signIn, signOut } from './auth'
import { hashPassword } from './password'
import { clearLoginFailures, limitKeys, lockedFor, rateLimitMessage, recordAttempt } from './rate-limit'
import { currentClientIp } from './request'
import { consumeAccountToken, createAccountToken, isUsableAccountToken } from './tokens'
import { findUserByEmail, findUserById, isUniqueViolation, setPassword } from './users'
import { callbackUrlSchema, forgotPasswordSchema, loginSchema, registerSchema, resetPasswordSchema } from './validation'

export async function registerAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const parsed = registerSchema.safeParse(formObject(formData, ['name', 'email', 'password']))
  if (!parsed.success) return invalid(parsed.error, formData)
  const { name, email, password } = parsed.data

  const keys = limitKeys({ email, ip: await currentClientIp() })
  if ((await lockedFor('register', keys)) > 0) return failure(rateLimitMessage, formData)
  await recordAttempt('register', keys)

  try {
    await db.insert(users).values({ name, email, passwordHash: await hashPassword(password) })
  } catch (error) {
    if (isUniqueViolation(error)) {
      return {
        ok: false,
        error: 'Please correct the highlighted fields.',
        fieldErrors: { email: ['An account with this email already exists. Log in or reset your password.'] },
        values: { name, email },
      }
    }
    console.error('registration failed', { email, error })
    return failure('We could not create your account just now. Please try again.', formData)
  }
  await sendMail(email, welcomeMail({ name })).catch((error) => console.error('welcome mail failed', { email, error }))
  return signInWith(email, password, callbackUrlSchema.parse(formData.get('callbackUrl') ?? '/account'), formData)
}

export async function loginAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const parsed = loginSchema.safeParse(formObject(formData, ['email', 'password']))
  if (!parsed.success) return invalid(parsed.error, formData)
  return signInWith(parsed.data.email, parsed.data.password, callbackUrlSchema.parse(formData.get('callbackUrl') ?? '/account'), formData)
}

async function signInWith(email: string, password: string, redirectTo: string, formData: FormData): Promise<ActionState> {
  try {
    await signIn('credentials', { email, password, redirectTo })
  } catch (error) {
    if (error instanceof AuthError) {
      if (error.type === 'CredentialsSignin' && 'code' in error && error.code === 'rate_limited') return failure(rateLimitMessage, formData)
      if (error.type === 'CredentialsSignin') return failure('That email and password do not match an account.', formData)
      console.error('sign-in failed', { email, type: error.type })
      return failure('We could not sign you in just now. Please try again.', formData)
    }
    throw error // the redirect after a successful sign-in
  }
  return { ok: true, message: 'Signed in.' }
}

export async function logoutAction() {
  await signOut({ redirectTo: '/' })
}

/** Always answers the same way, so the form never reveals whether an email has an account. */
export async function requestPasswordResetAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const parsed = forgotPasswordSchema.safeParse(formObject(formData, ['email']))
  if (!parsed.success) return invalid(parsed.error, formData)
  const { email } = parsed.data
  const keys = limitKeys({ email, ip: await currentClientIp() })
  if ((await lockedFor('password_reset', keys)) > 0) return failure(rateLimitMessage, formData)
  await recordAttempt('password_reset', keys)

  const user = await findUserByEmail(email)
  if (user) {
    const token = await createAccountToken({ userId: user.id, purpose: 'password_reset' })
    const url = `${siteUrl}/reset-password?token=${token}`
    await sendMail(user.email, passwordResetMail({ name: user.name, url })).catch((error) =>
      console.error('password reset mail failed', { email, error }),
    )
  }
  return { ok: true, message: `If ${email} has an account, we have sent it a link to reset the password. It expires in 1 hour.` }
}

export async function resetPasswordAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const parsed = resetPasswordSchema.safeParse(formObject(formData, ['token', 'password', 'confirmPassword']))
  if (!parsed.success) {
    const tokenProblem = parsed.error.issues.some((issue) => issue.path[0] === 'token')
    return tokenProblem ? failure('This reset link is invalid. Request a new one.') : invalid(parsed.error, formData)
  }
  // A cheap check first, so a flood of made-up tokens costs no password hashing.
  if (!(await isUsableAccountToken(parsed.data.token, 'password_reset'))) {
    return failure('This reset link has expired or was already used. Request a new one.')
  }
  const passwordHash = await hashPassword(parsed.data.password)
  const changed = await db.transaction(async (tx) => {
    const token = await consumeAccountToken(parsed.data.token, 'password_reset', tx)
    if (!token) return false
    await setPassword(tx, token.userId, passwordHash) // and ends every session of the account
    return token.userId
  })
  if (!changed) return failure('This reset link has expired or was already used. Request a new one.')
  const user = await findUserById(changed)
  if (user) await clearLoginFailures(user.email) // the owner proved control of the mailbox
  redirect('/login?reset=1')
}
