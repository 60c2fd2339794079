'use client'

import { type InputHTMLAttributes, type ReactNode, type TextareaHTMLAttributes, useId } from 'react'
import { useFormStatus } from 'react-dom'
import type { ActionState } from '@/lib/action-state'

/** The first error the server reported for a field, if any. */
export function fieldError(state: ActionState, name: string): string | undefined {
  return state?.ok === false ? state.fieldErrors?.[name]?.[0] : undefined
}

/** What the person typed into a field before a failed submit (passwords are never sent back). */
export function keptValue(state: ActionState, name: string): string | undefined {
  return state?.ok === false ? state.values?.[name] : undefined
}

const labelClass = 'text-sm font-medium text-zinc-900'
const controlClass =
  'w-full rounded-xl border border-zinc-300 bg-white px-3 py-2 text-base text-zinc-900 placeholder:text-zinc-400 focus:border-brand-600 focus:outline-none aria-[invalid=true]:border-red-600 sm:text-sm'

function describedBy(...ids: (string | false | undefined)[]) {
  return ids.filter(Boolean).join(' ') || undefined
}

function ErrorText({ id, error }: { id: string; error: string }) {
  return (
    <p id={id} className="text-sm text-red-700">
      {error}
    </p>
  )
}

/** What every labelled field takes; the rest are its control's own attributes. */
type FieldProps = { label: string; name: string; state: ActionState; hint?: string; defaultValue?: string }
type ControlledByField = 'name' | 'defaultValue' | 'id' | 'aria-invalid' | 'aria-describedby'

type TextFieldProps = FieldProps & Omit<InputHTMLAttributes<HTMLInputElement>, ControlledByField>

/** A field's label, its control (given the ids it points at), its hint and its server-side error. */
function LabelledField({ label, name, state, hint, control }: Omit<FieldProps, 'defaultValue'> & { control: (ids: ControlIds) => ReactNode }) {
  const id = useId()
  const error = fieldError(state, name)
  return (
    <div className="flex flex-col gap-1.5">
      <label htmlFor={id} className={labelClass}>
        {label}
      </label>
      {control({ id, 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy(hint && `${id}-hint`, error && `${id}-error`) })}
      {hint && (
        <p id={`${id}-hint`} className="text-sm text-zinc-600">
          {hint}
        </p>
      )}
      {error && <ErrorText id={`${id}-error`} error={error} />}
    </div>
  )
}

type ControlIds = { id: string; 'aria-invalid': true | undefined; 'aria-describedby': string | undefined }

/** A labelled input with its hint and server-side error; keeps what was typed after a failed submit. */
export function TextField({ label, name, state, hint, defaultValue, type = 'text', ...input }: TextFieldProps) {
  const value = type === 'password' ? undefined : (keptValue(state, name) ?? defaultValue)
  return (
    <LabelledField
      {...{ label, name, state, hint }}
      control={(ids) => <input {...input} {...ids} name={name} type={type} defaultValue={value} className={controlClass} />}
    />
  )
}

type TextAreaFieldProps = FieldProps & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, ControlledByField>

/** A labelled textarea with its hint and server-side error; keeps what was typed after a failed submit. */
export function TextAreaField({ label, name, state, hint, defaultValue, ...textarea }: TextAreaFieldProps) {
  return (
    <LabelledField
      {...{ label, name, state, hint }}
      control={(ids) => <textarea {...textarea} {...ids} name={name} defaultValue={keptValue(state, name) ?? defaultValue} className={controlClass} />}
    />
  )
}

type SelectFieldProps = {
  label: string
  name: string
  state: ActionState
  options: readonly (readonly [value: string, label: string])[]
  defaultValue?: string
  placeholder?: string
  autoComplete?: string
}

export function SelectField({ label, name, state, options, defaultValue, placeholder, autoComplete }: SelectFieldProps) {
  const id = useId()
  const error = fieldError(state, name)
  const initial = keptValue(state, name) ?? defaultValue ?? ''
  return (
    <div className="flex flex-col gap-1.5">
      <label htmlFor={id} className={labelClass}>
        {label}
      </label>
      {/* React reads a select's defaultValue only when it mounts, and resets the form after an
          action: a new key remounts it with the kept choice, so the reset cannot clear it. */}
      <select
        key={initial}
        id={id}
        name={name}
        autoComplete={autoComplete}
        defaultValue={initial}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        className={controlClass}
      >
        {placeholder !== undefined && <option value="">{placeholder}</option>}
        {options.map(([value, text]) => (
          <option key={value} value={value}>
            {text}
          </option>
        ))}
      </select>
      {error && <ErrorText id={`${id}-error`} error={error} />}
    </div>
  )
}

type CheckboxFieldProps = { label: string; name: string; state: ActionState; defaultChecked?: boolean }

/** A checkbox that remembers its state after a failed submit (an unchecked box is not submitted at all). */
export function CheckboxField({ label, name, state, defaultChecked = false }: CheckboxFieldProps) {
  const id = useId()
  const error = fieldError(state, name)
  const checked = state?.ok === false && state.values ? state.values[name] !== undefined : defaultChecked
  return (
    <div className="flex flex-col gap-1.5">
      <div className="flex items-center gap-2">
        <input
          id={id}
          name={name}
          type="checkbox"
          defaultChecked={checked}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          className="size-4 rounded border-zinc-300 accent-brand-700"
        />
        <label htmlFor={id} className="text-sm text-zinc-900">
          {label}
        </label>
      </div>
      {error && <ErrorText id={`${id}-error`} error={error} />}
    </div>
  )
}

/** The form-level outcome: an alert for a failure, a status for a success. */
export function FormMessage({ state }: { state: ActionState }) {
  if (!state) return null
  if (!state.ok) {
    return (
      <p role="alert" className="rounded-xl border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-800">
        {state.error}
      </p>
    )
  }
  return <StatusMessage>{state.message}</StatusMessage>
}

export function StatusMessage({ children }: { children: ReactNode }) {
  return (
    <p role="status" className="rounded-xl border border-emerald-200 bg-emerald-50 px-4 py-3 text-sm text-emerald-900">
      {children}
    </p>
  )
}

export function AlertMessage({ children }: { children: ReactNode }) {
  return (
    <p role="alert" className="rounded-xl border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-800">
      {children}
    </p>
  )
}

const buttonVariants = {
  primary: 'bg-brand-700 text-white hover:bg-brand-800',
  danger: 'bg-red-700 text-white hover:bg-red-800',
  secondary: 'border border-zinc-300 bg-white text-zinc-900 hover:bg-zinc-50',
} as const

/** Submits its form; shows the pending label and is disabled while the action runs. */
export function SubmitButton({
  children,
  pendingLabel,
  variant = 'primary',
  size = 'md',
}: {
  children: ReactNode
  pendingLabel: string
  variant?: keyof typeof buttonVariants
  size?: 'sm' | 'md'
}) {
  const { pending } = useFormStatus()
  const sizing = size === 'sm' ? 'px-3 py-1.5 text-sm' : 'px-5 py-2.5 text-sm'
  return (
    <button
      type="submit"
      disabled={pending}
      className={`inline-flex items-center justify-center rounded-full font-semibold disabled:cursor-wait disabled:opacity-70 ${sizing} ${buttonVariants[variant]}`}
    >
      {pending ? pendingLabel : children}
    </button>
  )
}

/** The placeholder a form's page shows while its dynamic part streams in. */
export function FormSkeleton({ fields = 2 }: { fields?: number }) {
  return (
    <div aria-hidden="true" className="flex animate-pulse flex-col gap-4">
      {Array.from({ length: fields }, (_, index) => (
        <div key={index} className="flex flex-col gap-1.5">
          <div className="h-4 w-24 rounded bg-zinc-200" />
          <div className="h-10 rounded-xl bg-zinc-100" />
        </div>
      ))}
      <div className="h-10 w-32 rounded-full bg-zinc-200" />
    </div>
  )
}
