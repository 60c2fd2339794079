import type { z } from 'zod'

/**
 * The one result shape of form actions used with useActionState: a sentence the person can act
 * on, errors per field, and what they typed (never passwords) so the form can keep it.
 */
export type ActionFailure = { ok: false; error: string; fieldErrors?: Record<string, string[] | undefined>; values?: Record<string, string> }

/** `Extra` is what an action adds to its answer, such as the cart's item count (optional on a failure). */
export type ActionState<Extra extends object = object> = ({ ok: true; message: string } & Extra) | (ActionFailure & Partial<Extra>) | null

const SECRET_FIELDS = /password|token|card|cvc/i

/** The submitted text fields (passwords and tokens left out), for re-filling the form. */
export function submittedValues(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {}
  for (const [key, value] of formData.entries()) {
    if (typeof value === 'string' && !key.startsWith('$') && !SECRET_FIELDS.test(key)) values[key] = value.slice(0, 1000)
  }
  return values
}

export function invalid(error: z.ZodError, formData: FormData): ActionFailure {
  const fieldErrors: Record<string, string[]> = {}
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? 'form')
    ;(fieldErrors[key] ??= []).push(issue.message)
  }
  return { ok: false, error: 'Please correct the highlighted fields.', fieldErrors, values: submittedValues(formData) }
}

export function failure(error: string, formData?: FormData): ActionFailure {
  return { ok: false, error, values: formData ? submittedValues(formData) : undefined }
}

/** FormData → plain object for zod; missing fields stay undefined so zod reports them. */
export function formObject(formData: FormData, fields: readonly string[]) {
  return Object.fromEntries(fields.map((field) => [field, formData.get(field) ?? undefined]))
}
