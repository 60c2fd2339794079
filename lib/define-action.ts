import 'server-only'
import { unstable_rethrow } from 'next/navigation'
import type { z } from 'zod'
import { type ActionFailure, type ActionState, failure, formObject, invalid } from './action-state'
import { getCurrentUser, requireAdmin, requireUser } from './auth/session'
import type { AccountUser } from './auth/users'

/** public: anyone (the caller is the signed-in user or null); user: signed in (else /login); admin: role admin (else 403). */
export type Access = 'public' | 'user' | 'admin'
export type Caller<A extends Access> = A extends 'public' ? AccountUser | null : AccountUser

/**
 * A refusal a body throws from deep inside, typically to roll back its transaction: the action
 * answers with its message (and field errors) like any other refusal.
 */
export class ActionError extends Error {
  constructor(
    message: string,
    readonly fieldErrors?: Record<string, string[]>,
  ) {
    super(message)
  }
}

/** Postgres errors caused by the input rather than by a bug, by SQLSTATE, with what to tell the person. */
const databaseErrorMessages: Record<string, string> = {
  '23505': 'This clashes with something that already exists. Reload the page and check.',
  '23503': 'Something this refers to no longer exists. Reload the page and try again.',
  '23514': 'One of the values is not allowed. Check the numbers and try again.',
  '23502': 'A required value is missing. Check the form and try again.',
  '22003': 'A number is too large. Check the amounts and quantities and try again.',
  '22P02': 'A value is not in the expected format. Check the form and try again.',
  '40001': 'Someone else changed this at the same time. Please try again.',
  '40P01': 'Someone else changed this at the same time. Please try again.',
}

/** The SQLSTATE of a Postgres error, also when Drizzle wraps it (DrizzleQueryError's cause). */
export function databaseErrorCode(error: unknown): string | null {
  for (let current = error, depth = 0; current && depth < 4; current = (current as { cause?: unknown }).cause, depth++) {
    if (typeof current === 'object' && 'code' in current && typeof current.code === 'string' && /^[0-9A-Z]{5}$/.test(current.code)) return current.code
  }
  return null
}

export const unexpectedErrorMessage = 'Something went wrong on our side and this was not saved. Please try again in a minute.'

type Definition<A extends Access, Schema extends z.ZodType> = {
  /** Names the action in server logs. */
  name: string
  access: A
  /** Where to come back to after logging in (user and admin actions); defaults to /account or /admin. */
  returnTo?: string | ((formData: FormData) => string)
  /** The zod schema of the input, or one chosen by the caller or the form (a guest gives an email, a member does not). */
  schema: Schema | ((caller: Caller<A>, formData: FormData) => Schema)
  /** The input: the form fields the schema reads, or a function building it from the form and the caller. */
  input: readonly string[] | ((formData: FormData, caller: Caller<A>) => unknown)
  /** How a bad input is answered; by default "Please correct the highlighted fields." with the field errors. */
  onInvalid?: (error: z.ZodError, formData: FormData) => ActionFailure
}

/** The wrapper's own refusals, with the optional extras (a cart count, an import report) of the body's failures. */
type FailureOf<Result> = [Extract<Result, { ok: false }>] extends [never] ? ActionFailure : ActionFailure & Partial<Omit<Extract<Result, { ok: false }>, keyof ActionFailure>>

export type ActionContext<A extends Access> = { caller: Caller<A>; formData: FormData }

async function resolveCaller<A extends Access>(access: A, returnTo: string | undefined): Promise<Caller<A>> {
  if (access === 'admin') return (await requireAdmin(returnTo ?? '/admin')) as Caller<A>
  if (access === 'user') return (await requireUser(returnTo ?? '/account')) as Caller<A>
  return (await getCurrentUser()) as Caller<A>
}

/**
 * THE wrapper of every form action (used with useActionState or a plain form): checks the
 * caller, parses the form with zod, runs the body, and turns whatever goes wrong into the
 * ActionState shape. redirect(), notFound() and forbidden() pass through; database errors caused
 * by the input (a duplicate, a number out of range) become a sentence; anything else is logged
 * with its context and answered with a generic sentence, never a 500.
 */
export function formAction<A extends Access, Schema extends z.ZodType, Result extends ActionState<object>>(
  definition: Definition<A, Schema>,
  body: (input: z.output<Schema>, context: ActionContext<A>) => Promise<Result>,
): (previous: unknown, formData: FormData) => Promise<Result | FailureOf<Result>> {
  return async (_previous, submitted) => {
    const formData = withoutNulCharacters(submitted)
    const returnTo = typeof definition.returnTo === 'function' ? definition.returnTo(formData) : definition.returnTo
    const caller = await resolveCaller(definition.access, returnTo)
    const schema = typeof definition.schema === 'function' ? definition.schema(caller, formData) : definition.schema
    const raw = typeof definition.input === 'function' ? definition.input(formData, caller) : formObject(formData, definition.input)
    const parsed = schema.safeParse(raw)
    if (!parsed.success) return (definition.onInvalid ?? invalid)(parsed.error, formData) as FailureOf<Result>
    try {
      return await body(parsed.data, { caller, formData })
    } catch (error) {
      unstable_rethrow(error)
      return answerFor(error, { action: definition.name, userId: (caller as AccountUser | null)?.id ?? null }, formData) as FailureOf<Result>
    }
  }
}

/**
 * The form with U+0000 taken out of every text field: pasted from another program it is invisible,
 * and Postgres refuses to store it in text, so one would fail the whole save.
 */
function withoutNulCharacters(formData: FormData) {
  let found = false
  for (const value of formData.values()) if (typeof value === 'string' && value.includes('\u0000')) found = true
  if (!found) return formData
  const clean = new FormData()
  for (const [name, value] of formData.entries()) clean.append(name, typeof value === 'string' ? value.replaceAll('\u0000', '') : value)
  return clean
}

function answerFor(error: unknown, context: { action: string; userId: string | null }, formData: FormData): ActionFailure {
  if (error instanceof ActionError) return { ...failure(error.message, formData), fieldErrors: error.fieldErrors }
  const code = databaseErrorCode(error)
  const known = code ? databaseErrorMessages[code] : undefined
  if (known) {
    console.warn('action refused by a database constraint', { ...context, code, error })
    return failure(known, formData)
  }
  console.error('action failed', { ...context, error })
  return failure(unexpectedErrorMessage, formData)
}
