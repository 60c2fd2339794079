'use server'

import { eq } from 'drizzle-orm'
import { revalidatePath } from 'next/cache'
import { redirect } from 'next/navigation'
import { db } from '@/db/client'
import { users } from '@/db/schema'
import { type ActionState, failure, formObject, invalid, submittedValues } from '@/lib/action-state'
import { signOut } from '@/lib/auth/auth'
import { hashPassword, verifyPassword } from '@/lib/auth/password'
import { limitKeys, lockedFor, rateLimitMessage, recordAttempt } from '@/lib/auth/rate-limit'
import { currentClientIp } from '@/lib/auth/request'
import { endOtherSessions, keepThisSession, requireUser } from '@/lib/auth/session'
import { createAccountToken } from '@/lib/auth/tokens'
import { findPasswordHash, findUserByEmail, setPassword } from '@/lib/auth/users'
import { invalidateCatalog } from '@/lib/catalog/cache'
import { changeEmailSchema, changePasswordSchema, deleteAccountSchema, profileSchema, signOutOtherDevicesSchema } from '@/lib/auth/validation'
import { siteUrl } from '@/lib/env'
import { sendMail } from '@/lib/mail/send'
import { emailChangeMail } from '@/lib/mail/templates'
import { deleteAddress, saveAddress, setDefaultAddress } from './addresses'
import { deleteAccount } from './deletion'
import { addressFields, addressIdSchema, addressSchema } from './validation'

/**
 * Re-checks the current password before a sensitive change. Wrong guesses count like failed
 * logins, so a stolen session cannot be used to guess the password without limit.
 */
async function currentPasswordProblem(userId: string, password: string | undefined): Promise<string | null> {
  const keys = [`user:${userId}`]
  if ((await lockedFor('login', keys)) > 0) return rateLimitMessage
  if (await verifyPassword(await findPasswordHash(userId), password ?? '')) return null
  await recordAttempt('login', keys)
  return 'That is not your current password.'
}

export async function updateProfileAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const user = await requireUser('/account/profile')
  const parsed = profileSchema.safeParse(formObject(formData, ['name']))
  if (!parsed.success) return invalid(parsed.error, formData)
  await db.update(users).set({ name: parsed.data.name }).where(eq(users.id, user.id))
  revalidatePath('/account', 'layout')
  return { ok: true, message: 'Your name is saved.' }
}

/** The new address must be confirmed from a link sent to it before the account uses it. */
export async function requestEmailChangeAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const user = await requireUser('/account/profile')
  const parsed = changeEmailSchema.safeParse(formObject(formData, ['email', 'currentPassword']))
  if (!parsed.success) return invalid(parsed.error, formData)
  const { email, currentPassword } = parsed.data
  if (email === user.email) return failure('That is already your email address.', formData)
  const passwordProblem = user.hasPassword ? await currentPasswordProblem(user.id, currentPassword) : null
  if (passwordProblem) {
    return { ok: false, error: 'Please correct the highlighted fields.', fieldErrors: { currentPassword: [passwordProblem] }, values: { email } }
  }
  const keys = limitKeys({ email, ip: await currentClientIp() })
  if ((await lockedFor('email_change', keys)) > 0) return failure(rateLimitMessage, formData)
  await recordAttempt('email_change', keys)
  if (await findUserByEmail(email)) {
    return { ok: false, error: 'Please correct the highlighted fields.', fieldErrors: { email: ['Another account already uses this email address.'] }, values: { email } }
  }
  const token = await createAccountToken({ userId: user.id, purpose: 'email_change', newEmail: email })
  try {
    await sendMail(email, emailChangeMail({ name: user.name, newEmail: email, url: `${siteUrl}/account/confirm-email?token=${token}` }))
  } catch (error) {
    console.error('email change mail failed', { userId: user.id, error })
    return failure('We could not send the confirmation email just now. Please try again in a few minutes.', formData)
  }
  return { ok: true, message: `We sent a confirmation link to ${email}. Your email address changes when you open it.` }
}

export async function changePasswordAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const user = await requireUser('/account/profile')
  const parsed = changePasswordSchema.safeParse(formObject(formData, ['currentPassword', 'newPassword', 'confirmPassword']))
  if (!parsed.success) return invalid(parsed.error, formData)
  const passwordProblem = user.hasPassword
    ? await currentPasswordProblem(user.id, parsed.data.currentPassword)
    : 'Your account signs in with GitHub or Google. Use “Forgot your password?” to add a password.'
  if (passwordProblem) {
    return { ok: false, error: 'Please correct the highlighted fields.', fieldErrors: { currentPassword: [passwordProblem] } }
  }
  // The change ends every other session of the account; this one stays signed in.
  const sessionVersion = await setPassword(db, user.id, await hashPassword(parsed.data.newPassword))
  if (sessionVersion !== null) await keepThisSession(user.id, sessionVersion)
  // A fresh page load after the session cookie was re-issued (the profile page says what happened).
  redirect('/account/profile?password=changed')
}

export async function signOutOtherDevicesAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const user = await requireUser('/account/profile')
  const parsed = signOutOtherDevicesSchema.safeParse(formObject(formData, ['scope']))
  if (!parsed.success) return invalid(parsed.error, formData)
  await endOtherSessions(user.id)
  redirect('/account/profile?sessions=ended')
}

export async function saveAddressAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const user = await requireUser('/account/addresses')
  const rawId = formData.get('addressId')
  const addressId = rawId ? addressIdSchema.safeParse(rawId) : null
  if (addressId && !addressId.success) return failure('That address no longer exists.')
  const parsed = addressSchema.safeParse(formObject(formData, addressFields))
  if (!parsed.success) return invalid(parsed.error, formData)
  const saved = await saveAddress(user.id, addressId?.data ?? null, parsed.data)
  if (saved === null) return failure('That address no longer exists.', formData)
  revalidatePath('/account/addresses')
  redirect('/account/addresses?saved=1')
}

export async function deleteAddressAction(formData: FormData) {
  const user = await requireUser('/account/addresses')
  const addressId = addressIdSchema.safeParse(formData.get('addressId'))
  if (addressId.success) await deleteAddress(user.id, addressId.data)
  revalidatePath('/account/addresses')
}

export async function setDefaultAddressAction(formData: FormData) {
  const user = await requireUser('/account/addresses')
  const addressId = addressIdSchema.safeParse(formData.get('addressId'))
  if (addressId.success) await setDefaultAddress(user.id, addressId.data)
  revalidatePath('/account/addresses')
}

/** Removes the account and everything tied only to it (addresses, sign-in links, tokens); its orders are kept anonymised. */
export async function deleteAccountAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const user = await requireUser('/account/delete')
  const parsed = deleteAccountSchema.safeParse(formObject(formData, ['currentPassword', 'confirm']))
  if (!parsed.success) return invalid(parsed.error, formData)
  const passwordProblem = user.hasPassword ? await currentPasswordProblem(user.id, parsed.data.currentPassword) : null
  if (passwordProblem) {
    return { ok: false, error: 'Please correct the highlighted fields.', fieldErrors: { currentPassword: [passwordProblem] }, values: submittedValues(formData) }
  }
  const reviewedSlugs = await deleteAccount(user.id)
  if (reviewedSlugs.length > 0) invalidateCatalog({ productSlugs: reviewedSlugs, from: 'action' })
  return signOut({ redirectTo: '/?account=deleted' })
}
