'use client'

import { useActionState, useEffect, useId, useRef, useState } from 'react'
import { FormMessage, SubmitButton, TextField } from '@/components/ui/form'
import type { ActionState } from '@/lib/action-state'
import { deleteProductAction, manageProductImagesAction, uploadProductImagesAction } from '@/lib/admin/products/actions'

export function DeleteProductForm({ productId, hasOrders }: { productId: number; hasOrders: boolean }) {
  const [state, action] = useActionState<ActionState, FormData>(deleteProductAction, null)
  return (
    <form
      action={action}
      className="flex flex-col gap-3"
      onSubmit={(event) => {
        if (!window.confirm(hasOrders ? 'Archive this product? It will be hidden from the shop.' : 'Delete this product for good?')) event.preventDefault()
      }}
    >
      <input type="hidden" name="id" value={productId} />
      <FormMessage state={state} />
      <p className="text-sm text-zinc-700">
        {hasOrders
          ? 'This product has orders, so it can only be archived (hidden from the shop); its orders keep their history.'
          : 'Nobody has ordered this product, so it can be deleted for good.'}
      </p>
      <div>
        <SubmitButton pendingLabel="Working…" variant="danger">
          {hasOrders ? 'Archive product' : 'Delete product'}
        </SubmitButton>
      </div>
    </form>
  )
}

/** Picks images, shows them before upload (object URLs), and sends them with one alt text. */
export function ImageUploadForm({ productId }: { productId: number }) {
  const [previews, setPreviews] = useState<{ url: string; name: string }[]>([])
  const [state, action] = useActionState<ActionState, FormData>(async (previous, formData) => {
    const result = await uploadProductImagesAction(previous, formData)
    // React resets the form (and so the file input) after the action: the previews go with it.
    setPreviews([])
    return result
  }, null)
  const inputId = useId()
  const formRef = useRef<HTMLFormElement>(null)
  useEffect(() => () => previews.forEach((preview) => URL.revokeObjectURL(preview.url)), [previews])
  const error = state?.ok === false ? state.fieldErrors?.images : undefined
  return (
    <form ref={formRef} action={action} className="flex flex-col gap-3">
      <input type="hidden" name="productId" value={productId} />
      <FormMessage state={state} />
      <div className="flex flex-col gap-1.5">
        <label htmlFor={inputId} className="text-sm font-medium text-zinc-900">
          Image files
        </label>
        <input
          id={inputId}
          name="images"
          type="file"
          accept="image/png,image/jpeg,image/webp,image/gif"
          multiple
          aria-describedby={`${inputId}-hint${error ? ` ${inputId}-error` : ''}`}
          aria-invalid={error ? true : undefined}
          onChange={(event) => setPreviews([...(event.target.files ?? [])].map((file) => ({ url: URL.createObjectURL(file), name: file.name })))}
          className="text-sm"
        />
        <p id={`${inputId}-hint`} className="text-sm text-zinc-600">
          PNG, JPEG, WebP or GIF, up to 5 MB each, at most 4 at a time.
        </p>
        {error?.map((message) => (
          <p key={message} id={`${inputId}-error`} className="text-sm text-red-700">
            {message}
          </p>
        ))}
      </div>
      {previews.length > 0 && (
        <ul className="flex flex-wrap gap-2" aria-label="Selected images">
          {previews.map((preview) => (
            <li key={preview.url}>
              {/* eslint-disable-next-line @next/next/no-img-element -- a local object URL, not optimisable */}
              <img src={preview.url} alt={`Preview of ${preview.name}`} className="size-24 rounded-lg border border-zinc-200 object-cover" />
            </li>
          ))}
        </ul>
      )}
      <TextField
        label="Image description (alt text)"
        name="alt"
        state={state}
        hint="What the picture shows, for people who cannot see it. Empty: the product name."
        maxLength={300}
      />
      <div>
        <SubmitButton pendingLabel="Uploading…" variant="secondary">
          Upload images
        </SubmitButton>
      </div>
    </form>
  )
}

export type ManagedImage = { id: number; url: string; alt: string }

/** Current images: alt text, move up/down, remove. Each button submits the whole form with its own intent. */
export function ImageManager({ productId, images }: { productId: number; images: ManagedImage[] }) {
  const [state, action] = useActionState<ActionState, FormData>(manageProductImagesAction, null)
  if (images.length === 0) return <p className="text-sm text-zinc-700">No images yet. The shop shows a placeholder.</p>
  const smallButton = 'rounded-full border border-zinc-300 px-3 py-1 text-xs font-semibold hover:bg-zinc-50 disabled:opacity-40'
  return (
    <form action={action} className="flex flex-col gap-3">
      <input type="hidden" name="productId" value={productId} />
      <FormMessage state={state} />
      <ol className="flex flex-col gap-3">
        {images.map((image, index) => (
          <li key={`${image.id}-${index}`} className="flex flex-wrap items-center gap-3 rounded-lg border border-zinc-200 p-2">
            {/* eslint-disable-next-line @next/next/no-img-element -- a small admin thumbnail */}
            <img src={image.url} alt={image.alt} className="size-16 rounded object-cover" />
            <label className="flex min-w-48 flex-1 flex-col gap-1 text-xs font-medium">
              Alt text for image {index + 1}
              <input
                name={`alt-${image.id}`}
                defaultValue={image.alt}
                maxLength={300}
                className="rounded-lg border border-zinc-300 px-2 py-1 text-sm font-normal"
              />
            </label>
            <div className="flex gap-1">
              <button type="submit" name="intent" value={`up:${image.id}`} disabled={index === 0} className={smallButton}>
                Up<span className="sr-only"> (image {index + 1})</span>
              </button>
              <button type="submit" name="intent" value={`down:${image.id}`} disabled={index === images.length - 1} className={smallButton}>
                Down<span className="sr-only"> (image {index + 1})</span>
              </button>
              <button type="submit" name="intent" value={`delete:${image.id}`} className={`${smallButton} text-red-700`}>
                Remove<span className="sr-only"> image {index + 1}</span>
              </button>
            </div>
          </li>
        ))}
      </ol>
      <div>
        <button type="submit" name="intent" value="save" className="rounded-full bg-zinc-900 px-4 py-2 text-sm font-semibold text-white hover:bg-zinc-700">
          Save alt texts
        </button>
      </div>
    </form>
  )
}
