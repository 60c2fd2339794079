'use server'

import { AuthError } from 'next-auth'
import { redirect } from 'next/navigation'
import { after } from 'next/server'
import { db } from '@/db/client'
import { type ActionState, failure, invalid } from '@/lib/action-state'
import { formAction } from '@/lib/define-action'
import { siteUrl } from '@/lib/env'
import { sendMail } from '@/lib/mail/send'
import { passwordResetMail, welcomeMail } from '@/lib/mail/templates'
import { signIn, signOut } from './auth'
import { hashPassword } from './password'
import { clearLoginFailures, limitKeys, lockedFor, rateLimitMessage, recordAttempt } from './rate-limit'
import { currentClientIp } from './request'
import { consumeAccountToken, createAccountToken, isUsableAccountToken } from './tokens'
import { createUser, findUserByEmail, findUserById, isUniqueViolation, setPassword } from './users'
import { callbackUrlSchema, forgotPasswordSchema, loginSchema, registerSchema, resetPasswordSchema } from './validation'

export const registerAction = formAction(
  { name: 'auth.register', access: 'public', schema: registerSchema, input: ['name', 'email', 'password'] },
  async ({ name, email, password }, { formData }): Promise<ActionState> => {
    const keys = limitKeys({ email, ip: await currentClientIp() })
    if ((await lockedFor('register', keys)) > 0) return failure(rateLimitMessage, formData)
    await recordAttempt('register', keys)

    try {
      await createUser({ name, email, passwordHash: await hashPassword(password) })
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
  },
)

export const loginAction = formAction({ name: 'auth.login', access: 'public', schema: loginSchema, input: ['email', 'password'] }, async ({ email, password }, { formData }) =>
  signInWith(email, password, callbackUrlSchema.parse(formData.get('callbackUrl') ?? '/account'), formData),
)

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

/**
 * Always answers the same way, in the same time, so the form never reveals whether an email has an
 * account: finding the account, writing its token and the mail server's round trip all happen
 * after the response (`after`), whichever way it goes.
 */
export const requestPasswordResetAction = formAction(
  { name: 'auth.request-password-reset', access: 'public', schema: forgotPasswordSchema, input: ['email'] },
  async ({ email }, { formData }): Promise<ActionState> => {
    const keys = limitKeys({ email, ip: await currentClientIp() })
    if ((await lockedFor('password_reset', keys)) > 0) return failure(rateLimitMessage, formData)
    await recordAttempt('password_reset', keys)
    after(() => mailResetLink(email).catch((error) => console.error('password reset mail failed', { email, error })))
    return { ok: true, message: `If ${email} has an account, we have sent it a link to reset the password. It expires in 1 hour.` }
  },
)

async function mailResetLink(email: string) {
  const user = await findUserByEmail(email)
  if (!user) return
  const token = await createAccountToken({ userId: user.id, purpose: 'password_reset' })
  await sendMail(user.email, passwordResetMail({ name: user.name, url: `${siteUrl}/reset-password?token=${token}` }))
}

export const resetPasswordAction = formAction(
  {
    name: 'auth.reset-password',
    access: 'public',
    schema: resetPasswordSchema,
    input: ['token', 'password', 'confirmPassword'],
    onInvalid: (error, formData) => (error.issues.some((issue) => issue.path[0] === 'token') ? failure('This reset link is invalid. Request a new one.') : invalid(error, formData)),
  },
  async (input): Promise<ActionState> => {
    // A cheap check first, so a flood of made-up tokens costs no password hashing.
    if (!(await isUsableAccountToken(input.token, 'password_reset'))) {
      return failure('This reset link has expired or was already used. Request a new one.')
    }
    const passwordHash = await hashPassword(input.password)
    const changed = await db.transaction(async (tx) => {
      const token = await consumeAccountToken(input.token, 'password_reset', tx)
      if (!token) return false
      await setPassword(tx, token.userId, passwordHash) // and ends every session of the account
      return token.userId
    })
    if (!changed) return failure('This reset link has expired or was already used. Request a new one.')
    const user = await findUserById(changed)
    if (user) await clearLoginFailures(user.email) // the owner proved control of the mailbox
    redirect('/login?reset=1')
  },
)
