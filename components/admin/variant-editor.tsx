'use client'

import { type FormEvent, startTransition, useActionState, useId } from 'react'
import { fieldError, FormMessage, keptValue, SelectField, SubmitButton, TextField } from '@/components/ui/form'
import type { ActionState } from '@/lib/action-state'
import { adjustStockAction } from '@/lib/admin/products/actions'
import { saveOptionsAction, saveVariantsAction } from '@/lib/admin/products/variant-actions'

export type EditorOption = { name: string; values: string[] }
export type EditorVariant = {
  id: number
  title: string
  sku: string
  price: string
  compareAt: string
  weightGrams: string
  barcode: string
  imageId: number | null
  active: boolean
  stock: number
  hasOrders: boolean
}
export type EditorImage = { id: number; url: string; alt: string }

/** Submitted by hand so React keeps what was typed after a refusal; without JavaScript the form posts as usual. */
function keepValues(action: (formData: FormData) => void) {
  return (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const formData = new FormData(event.currentTarget)
    startTransition(() => action(formData))
  }
}

/** Up to three options, each a name and its ordered values; saving generates the missing variants. */
export function OptionsForm({ productId, options }: { productId: number; options: EditorOption[] }) {
  const [state, action] = useActionState<ActionState, FormData>(saveOptionsAction, null)
  const slots = [0, 1, 2].map((index) => options[index] ?? { name: '', values: [] })
  const formError = fieldError(state, 'options')
  return (
    <form action={action} onSubmit={keepValues(action)} className="flex flex-col gap-4" noValidate>
      <input type="hidden" name="productId" value={productId} />
      <FormMessage state={state} />
      <p className="text-sm text-zinc-700">
        Up to three options, like Size or Colour, with their values in the order the shop shows them. Saving creates a variant for every new combination and
        keeps the existing ones; a variant whose value you remove is deleted, or archived if it was ordered.
      </p>
      {slots.map((option, index) => (
        <fieldset key={index} className="grid gap-3 rounded-xl border border-zinc-200 p-3 sm:grid-cols-[minmax(0,1fr)_minmax(0,2fr)]">
          <legend className="px-1 text-sm font-semibold text-zinc-900">Option {index + 1}</legend>
          <TextField
            label="Name"
            name={`options.${index}.name`}
            state={state}
            defaultValue={option.name}
            placeholder={['Size', 'Colour', 'Material'][index]}
            maxLength={60}
          />
          <TextField
            label="Values"
            name={`options.${index}.values`}
            state={state}
            defaultValue={option.values.join(', ')}
            placeholder={['S, M, L', 'Black, White', 'Cotton, Linen'][index]}
            hint="Separated by commas."
          />
        </fieldset>
      ))}
      {formError && (
        <p role="alert" className="text-sm text-red-700">
          {formError}
        </p>
      )}
      <div>
        <SubmitButton pendingLabel="Saving…" variant="secondary">
          Save options and generate variants
        </SubmitButton>
      </div>
    </form>
  )
}

function VariantInput({
  state,
  name,
  label,
  defaultValue,
  inputMode,
}: {
  state: ActionState
  name: string
  label: string
  defaultValue: string
  inputMode?: 'decimal' | 'numeric'
}) {
  const id = useId()
  const error = fieldError(state, name)
  return (
    <div className="flex min-w-0 flex-col gap-1">
      <label htmlFor={id} className="text-xs font-medium text-zinc-700 lg:sr-only">
        {label}
      </label>
      <input
        id={id}
        name={name}
        defaultValue={keptValue(state, name) ?? defaultValue}
        inputMode={inputMode}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        className="w-full rounded-lg border border-zinc-300 bg-white px-2 py-1.5 text-base aria-[invalid=true]:border-red-600 sm:text-sm"
      />
      {error && (
        <p id={`${id}-error`} className="text-xs text-red-700">
          {error}
        </p>
      )}
    </div>
  )
}

const columns = 'lg:grid-cols-[minmax(0,1.2fr)_minmax(0,1.4fr)_minmax(0,0.9fr)_minmax(0,0.9fr)_minmax(0,0.8fr)_minmax(0,1.2fr)_minmax(0,1.2fr)_3.5rem_4rem]'

/**
 * Every variant in one form: a table on wide screens, a card per variant on phones and tablets
 * (the same markup, a grid that stacks). Stock is shown here and changed with the adjustment form
 * below it. The weight feeds shipping methods priced by weight bands.
 */
export function VariantsTable({ productId, variants, images }: { productId: number; variants: EditorVariant[]; images: EditorImage[] }) {
  const [state, action] = useActionState<ActionState, FormData>(saveVariantsAction, null)
  return (
    <form action={action} onSubmit={keepValues(action)} className="flex flex-col gap-3" noValidate aria-label="Variants">
      <input type="hidden" name="productId" value={productId} />
      <FormMessage state={state} />
      <div className={`hidden gap-3 border-b border-zinc-200 px-3 pb-2 text-xs font-semibold text-zinc-700 lg:grid ${columns}`} aria-hidden="true">
        <span>Variant</span>
        <span>SKU</span>
        <span>Price (USD)</span>
        <span>Compare at</span>
        <span>Weight (g)</span>
        <span>Barcode</span>
        <span>Image</span>
        <span>Stock</span>
        <span>Active</span>
      </div>
      <ul className="flex flex-col gap-3 lg:gap-0">
        {variants.map((variant, index) => {
          const name = (field: string) => `variants.${index}.${field}`
          const activeKept = state?.ok === false && state.values ? state.values[name('active')] !== undefined : variant.active
          const imageKept = keptValue(state, name('imageId')) ?? (variant.imageId === null ? '' : String(variant.imageId))
          const idError = fieldError(state, name('id')) ?? fieldError(state, name('imageId'))
          return (
            <li
              key={variant.id}
              aria-label={variant.title || 'Default variant'}
              className={`grid grid-cols-2 gap-3 rounded-xl border border-zinc-200 p-3 lg:rounded-none lg:border-0 lg:border-b lg:border-zinc-100 ${columns}`}
            >
              <input type="hidden" name={name('id')} value={variant.id} />
              <div className="col-span-2 flex flex-col lg:col-span-1">
                <span className="font-medium text-zinc-900">{variant.title || 'Default variant'}</span>
                {variant.hasOrders && <span className="text-xs text-zinc-600">Has orders</span>}
                {idError && <span className="text-xs text-red-700">{idError}</span>}
              </div>
              <div className="col-span-2 lg:col-span-1">
                <VariantInput state={state} name={name('sku')} label="SKU" defaultValue={variant.sku} />
              </div>
              <VariantInput state={state} name={name('price')} label="Price (USD)" defaultValue={variant.price} inputMode="decimal" />
              <VariantInput state={state} name={name('compareAt')} label="Compare-at price" defaultValue={variant.compareAt} inputMode="decimal" />
              <VariantInput state={state} name={name('weightGrams')} label="Weight (g)" defaultValue={variant.weightGrams} inputMode="numeric" />
              <VariantInput state={state} name={name('barcode')} label="Barcode" defaultValue={variant.barcode} />
              <label className="col-span-2 flex min-w-0 flex-col gap-1 lg:col-span-1">
                <span className="text-xs font-medium text-zinc-700 lg:sr-only">Image</span>
                <select
                  name={name('imageId')}
                  defaultValue={imageKept}
                  className="w-full rounded-lg border border-zinc-300 bg-white px-2 py-1.5 text-base sm:text-sm"
                >
                  <option value="">Product’s main image</option>
                  {images.map((image, at) => (
                    <option key={image.id} value={image.id}>
                      {`Image ${at + 1}${image.alt ? `: ${image.alt.slice(0, 40)}` : ''}`}
                    </option>
                  ))}
                </select>
              </label>
              <p className="flex flex-col gap-1 text-sm tabular-nums">
                <span className="text-xs font-medium text-zinc-700 lg:sr-only">Stock</span>
                <span className={variant.stock === 0 ? 'text-red-700' : 'text-zinc-900'}>{variant.stock}</span>
              </p>
              <label className="flex items-center gap-2 text-sm">
                <input type="checkbox" name={name('active')} defaultChecked={activeKept} className="size-4 accent-brand-700" />
                <span className="lg:sr-only">Active</span>
              </label>
            </li>
          )
        })}
      </ul>
      <p className="text-sm text-zinc-600">Untick Active to archive a variant: it leaves the shop, and orders that have it keep it.</p>
      <div>
        <SubmitButton pendingLabel="Saving…">Save variants</SubmitButton>
      </div>
    </form>
  )
}

/** The stock adjustment, for one chosen variant, with its reason (the inventory writes the movement). */
export function VariantStockForm({ productId, variants }: { productId: number; variants: EditorVariant[] }) {
  const [state, action] = useActionState<ActionState, FormData>(adjustStockAction, null)
  return (
    <form action={action} className="flex flex-col gap-3" noValidate>
      <input type="hidden" name="productId" value={productId} />
      <FormMessage state={state} />
      {variants.length === 1 && variants[0] ? (
        <input type="hidden" name="variantId" value={variants[0].id} />
      ) : (
        <SelectField
          label="Variant"
          name="variantId"
          state={state}
          options={variants.map((variant) => [String(variant.id), `${variant.title || 'Default variant'} (${variant.sku}): ${variant.stock} in stock`])}
          placeholder="Choose a variant"
        />
      )}
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField label="Change" name="delta" state={state} inputMode="numeric" placeholder="+10 or -2" hint="Positive adds, negative removes." />
        <SelectField
          label="Reason"
          name="reason"
          state={state}
          defaultValue="adjustment"
          options={[
            ['restock', 'Restock (goods received)'],
            ['adjustment', 'Correction (count, damage, loss)'],
          ]}
        />
      </div>
      <TextField label="Note" name="note" state={state} placeholder="Counted on shelf" maxLength={500} />
      <div>
        <SubmitButton pendingLabel="Saving…" variant="secondary">
          Adjust stock
        </SubmitButton>
      </div>
    </form>
  )
}
