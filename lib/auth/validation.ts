import { z } from 'zod'
import { isTriviallyGuessable } from './common-passwords'

/** Shared by the forms (field errors) and the server actions (the real check). */

export const PASSWORD_MIN = 10

// Only printable ASCII: look-alike letters from other scripts ("раypal.com" with Cyrillic
// letters) cannot be used to register an address that reads like someone else's.
export const emailSchema = z
  .string({ error: 'Enter your email address.' })
  .trim()
  .max(254, 'That email address is too long.')
  .toLowerCase()
  .refine((value) => value.length > 0, { message: 'Enter your email address.', abort: true })
  .refine((value) => /^[\x21-\x7e]+$/.test(value), 'Use an email address written in plain Latin letters and digits.')
  .pipe(z.email('Enter a valid email address, like name@example.com.'))

export const nameSchema = z
  .string({ error: 'Enter your name.' })
  .normalize('NFKC')
  .trim()
  .min(1, 'Enter your name.')
  .max(100, 'Names can be at most 100 characters.')
  .refine((value) => !/[\u0000-\u001f\u007f<>]/.test(value), 'Names cannot contain control characters or < >.')

export const passwordSchema = z
  .string({ error: 'Enter a password.' })
  .min(PASSWORD_MIN, `Use at least ${PASSWORD_MIN} characters.`)
  .max(256, 'Use at most 256 characters.')
  .refine((value) => !isTriviallyGuessable(value), 'That password is too common. Choose something harder to guess.')

export const registerSchema = z.object({ name: nameSchema, email: emailSchema, password: passwordSchema })

export const loginSchema = z.object({
  email: emailSchema,
  password: z.string({ error: 'Enter your password.' }).min(1, 'Enter your password.').max(256, 'Use at most 256 characters.'),
})

export const forgotPasswordSchema = z.object({ email: emailSchema })

export const tokenSchema = z.string({ error: 'This link is incomplete.' }).regex(/^[A-Za-z0-9_-]{43}$/, 'This link is invalid. Request a new one.')

export const resetPasswordSchema = z.object({ token: tokenSchema, password: passwordSchema, confirmPassword: z.string() }).refine((value) => value.password === value.confirmPassword, {
  path: ['confirmPassword'],
  message: 'The two passwords do not match.',
})

export const profileSchema = z.object({ name: nameSchema })

// The current password is asked only of accounts that have one (not GitHub/Google-only accounts).
export const changeEmailSchema = z.object({ email: emailSchema, currentPassword: z.string().max(256).optional() })

export const changePasswordSchema = z
  .object({
    currentPassword: z.string().min(1, 'Enter your current password.').max(256),
    newPassword: passwordSchema,
    confirmPassword: z.string(),
  })
  .refine((value) => value.newPassword === value.confirmPassword, {
    path: ['confirmPassword'],
    message: 'The two passwords do not match.',
  })

export const deleteAccountSchema = z.object({
  currentPassword: z.string().max(256).optional(),
  confirm: z.literal('DELETE', { error: 'Type DELETE to confirm.' }),
})

/** The profile's "Sign out of all other devices" button sends scope=others. */
export const signOutOtherDevicesSchema = z.object({
  scope: z.literal('others', { error: 'Use the “Sign out of all other devices” button on your profile.' }),
})

/** Where to go after signing in: only paths on this site, never another origin. */
export const callbackUrlSchema = z
  .string()
  .max(2000)
  // Browsers delete tabs and newlines from URLs ("/\t/evil.example" becomes "//evil.example"), so
  // control characters are refused as well.
  .refine((value) => value.startsWith('/') && !value.startsWith('//') && !value.startsWith('/\\') && !/[\u0000-\u001f\u007f]/.test(value))
  .catch('/account')
