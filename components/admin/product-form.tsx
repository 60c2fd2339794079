'use client'

import { startTransition, useActionState, useId } from 'react'
import { CheckboxField, fieldError, FormMessage, keptValue, SelectField, TextField } from '@/components/ui/form'
import type { ActionState } from '@/lib/action-state'
import { saveProductAction } from '@/lib/admin/products/actions'

export type ProductFormValues = {
  id: number
  name: string
  slug: string
  /** The default variant's price; null when the product has options (each variant has its own). */
  price: string | null
  categoryId: number
  description: string
  active: boolean
  featured: boolean
}

/** Create (no product) or edit. The stock is set here only when creating; later it changes by adjustments. */
export function ProductForm({ product, categories }: { product?: ProductFormValues; categories: [string, string][] }) {
  const [state, action, pending] = useActionState<ActionState, FormData>(saveProductAction, null)
  const descriptionId = useId()
  const descriptionError = fieldError(state, 'description')
  return (
    <form
      action={action}
      // Submitted by hand so React does not reset the form after a refusal: what the merchant typed
      // and chose (the category too) stays for them to correct. Without JavaScript the action still runs.
      onSubmit={(event) => {
        event.preventDefault()
        const formData = new FormData(event.currentTarget)
        startTransition(() => action(formData))
      }}
      className="flex max-w-2xl flex-col gap-4"
      noValidate
    >
      {product && <input type="hidden" name="id" value={product.id} />}
      <FormMessage state={state} />
      <TextField label="Name" name="name" state={state} defaultValue={product?.name} required maxLength={200} />
      <TextField
        label="Slug"
        name="slug"
        state={state}
        defaultValue={product?.slug}
        hint={product ? 'The product’s address: /products/<slug>. Changing it breaks old links.' : 'Leave empty to make one from the name.'}
        maxLength={80}
      />
      {/* With options, prices are edited per variant (the Variants table); stock always changes by adjustments. */}
      {(!product || product.price !== null) && (
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField
            label="Price (USD)"
            name="price"
            state={state}
            defaultValue={product?.price ?? undefined}
            inputMode="decimal"
            placeholder="12.50"
            required
          />
          {!product && <TextField label="Stock" name="stock" state={state} defaultValue="0" inputMode="numeric" required />}
        </div>
      )}
      <SelectField
        label="Category"
        name="categoryId"
        state={state}
        options={categories}
        defaultValue={product ? String(product.categoryId) : ''}
        placeholder="Choose a category"
      />
      <div className="flex flex-col gap-1.5">
        <label htmlFor={descriptionId} className="text-sm font-medium text-zinc-900">
          Description
        </label>
        <textarea
          id={descriptionId}
          name="description"
          rows={6}
          defaultValue={keptValue(state, 'description') ?? product?.description}
          aria-invalid={descriptionError ? true : undefined}
          aria-describedby={descriptionError ? `${descriptionId}-error` : undefined}
          className="w-full rounded-xl border border-zinc-300 px-3 py-2 text-base sm:text-sm"
        />
        {descriptionError && (
          <p id={`${descriptionId}-error`} className="text-sm text-red-700">
            {descriptionError}
          </p>
        )}
      </div>
      <CheckboxField label="Active (shown in the shop)" name="active" state={state} defaultChecked={product?.active ?? true} />
      <CheckboxField label="Featured on the home page" name="featured" state={state} defaultChecked={product?.featured ?? false} />
      <div>
        <button
          type="submit"
          disabled={pending}
          className="inline-flex items-center justify-center rounded-full bg-brand-700 px-5 py-2.5 text-sm font-semibold text-white hover:bg-brand-800 disabled:cursor-wait disabled:opacity-70"
        >
          {pending ? 'Saving…' : product ? 'Save product' : 'Create product'}
        </button>
      </div>
    </form>
  )
}
