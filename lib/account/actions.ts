'use server'

import { revalidatePath } from 'next/cache'
import { redirect } from 'next/navigation'
import { db } from '@/db/client'
import { z } from 'zod'
import { type ActionFailure, type ActionState, failure, formObject, invalid, submittedValues } from '@/lib/action-state'
import { signOut } from '@/lib/auth/auth'
import { hashPassword, verifyPassword } from '@/lib/auth/password'
import { limitKeys, lockedFor, rateLimitMessage, recordAttempt } from '@/lib/auth/rate-limit'
import { currentClientIp } from '@/lib/auth/request'
import { endOtherSessions, keepThisSession } from '@/lib/auth/session'
import { createAccountToken } from '@/lib/auth/tokens'
import { findPasswordHash, findUserByEmail, setPassword, setUserName } from '@/lib/auth/users'
import { invalidateProducts } from '@/lib/catalog/cache'
import { formAction } from '@/lib/define-action'
import { changeEmailSchema, changePasswordSchema, deleteAccountSchema, profileSchema, signOutOtherDevicesSchema } from '@/lib/auth/validation'
import { siteUrl } from '@/lib/env'
import { sendMail } from '@/lib/mail/send'
import { emailChangeMail } from '@/lib/mail/templates'
import { deleteAddress, saveAddress, setDefaultAddress } from './addresses'
import { deleteAccount } from './deletion'
import { addressFields, addressIdSchema, addressSchema } from './validation'

const member = (returnTo: string) => ({ access: 'user', returnTo }) as const
const noSuchAddress = 'That address no longer exists.'

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

export const updateProfileAction = formAction(
  { ...member('/account/profile'), name: 'account.update-profile', schema: profileSchema, input: ['name'] },
  async ({ name }, { caller: user }): Promise<ActionState> => {
    await setUserName(user.id, name)
    revalidatePath('/account', 'layout')
    return { ok: true, message: 'Your name is saved.' }
  },
)

/** The new address must be confirmed from a link sent to it before the account uses it. */
export const requestEmailChangeAction = formAction(
  { ...member('/account/profile'), name: 'account.request-email-change', schema: changeEmailSchema, input: ['email', 'currentPassword'] },
  async ({ email, currentPassword }, { caller: user, formData }): Promise<ActionState> => {
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
  },
)

export const changePasswordAction = formAction(
  { ...member('/account/profile'), name: 'account.change-password', schema: changePasswordSchema, input: ['currentPassword', 'newPassword', 'confirmPassword'] },
  async (input, { caller: user }): Promise<ActionState> => {
    const passwordProblem = user.hasPassword
      ? await currentPasswordProblem(user.id, input.currentPassword)
      : 'Your account signs in with GitHub or Google. Use “Forgot your password?” to add a password.'
    if (passwordProblem) {
      return { ok: false, error: 'Please correct the highlighted fields.', fieldErrors: { currentPassword: [passwordProblem] } }
    }
    // The change ends every other session of the account; this one stays signed in.
    const sessionVersion = await setPassword(db, user.id, await hashPassword(input.newPassword))
    if (sessionVersion !== null) await keepThisSession(user.id, sessionVersion)
    // A fresh page load after the session cookie was re-issued (the profile page says what happened).
    redirect('/account/profile?password=changed')
  },
)

export const signOutOtherDevicesAction = formAction(
  { ...member('/account/profile'), name: 'account.sign-out-other-devices', schema: signOutOtherDevicesSchema, input: ['scope'] },
  async (_input, { caller: user }): Promise<ActionState> => {
    await endOtherSessions(user.id)
    redirect('/account/profile?sessions=ended')
  },
)

/** A new address (no addressId) or a change to one of the caller's own. */
export const saveAddressAction = formAction(
  {
    ...member('/account/addresses'),
    name: 'account.save-address',
    schema: addressSchema.extend({ addressId: addressIdSchema.nullable() }),
    input: (formData) => ({ ...formObject(formData, addressFields), addressId: formData.get('addressId') || null }),
    onInvalid: (error, formData) => (error.issues.some((issue) => issue.path[0] === 'addressId') ? failure(noSuchAddress) : invalid(error, formData)),
  },
  async ({ addressId, ...address }, { caller: user, formData }): Promise<ActionState> => {
    const saved = await saveAddress(user.id, addressId, address)
    if (saved === null) return failure(noSuchAddress, formData)
    revalidatePath('/account/addresses')
    redirect('/account/addresses?saved=1')
  },
)

const addressRefSchema = z.object({ addressId: addressIdSchema })
const addressRefInvalid = (): ActionFailure => ({ ...failure(noSuchAddress), fieldErrors: { addressId: [noSuchAddress] } })

export const deleteAddressAction = formAction(
  { ...member('/account/addresses'), name: 'account.delete-address', schema: addressRefSchema, input: ['addressId'], onInvalid: addressRefInvalid },
  async ({ addressId }, { caller: user }): Promise<ActionState> => {
    if (!(await deleteAddress(user.id, addressId))) return failure(noSuchAddress)
    revalidatePath('/account/addresses')
    return { ok: true, message: 'Address deleted.' }
  },
)

export const setDefaultAddressAction = formAction(
  { ...member('/account/addresses'), name: 'account.set-default-address', schema: addressRefSchema, input: ['addressId'], onInvalid: addressRefInvalid },
  async ({ addressId }, { caller: user }): Promise<ActionState> => {
    if (!(await setDefaultAddress(user.id, addressId))) return failure(noSuchAddress)
    revalidatePath('/account/addresses')
    return { ok: true, message: 'This is now your default address.' }
  },
)

/** Removes the account and everything tied only to it (addresses, sign-in links, tokens); its orders are kept anonymised. */
export const deleteAccountAction = formAction(
  { ...member('/account/delete'), name: 'account.delete', schema: deleteAccountSchema, input: ['currentPassword', 'confirm'] },
  async ({ currentPassword }, { caller: user, formData }): Promise<ActionState> => {
    const passwordProblem = user.hasPassword ? await currentPasswordProblem(user.id, currentPassword) : null
    if (passwordProblem) {
      return { ok: false, error: 'Please correct the highlighted fields.', fieldErrors: { currentPassword: [passwordProblem] }, values: submittedValues(formData) }
    }
    const deleted = await deleteAccount(user.id)
    if (!deleted.ok) return failure(deleted.error)
    if (deleted.reviewedSlugs.length > 0) invalidateProducts(deleted.reviewedSlugs, 'action', true)
    return signOut({ redirectTo: '/?account=deleted' })
  },
)
