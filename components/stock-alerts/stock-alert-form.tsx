'use client'

import { useActionState, useEffect, useId, useState } from 'react'
import { FormMessage, SubmitButton, TextField } from '@/components/ui/form'
import { subscribeStockAlertAction } from '@/lib/stock-alerts/actions'

/**
 * "Email me when it's back" on a sold-out product (with `choices`, the sold-out variants to pick
 * from; null for a product without options). Guests type an address; for a signed-in
 * shopper (asked in the browser, so the page stays cacheable) the account's address is used.
 */
export function StockAlertForm({ productId, choices }: { productId: number; choices: { id: number; title: string }[] | null }) {
  const [state, action] = useActionState(subscribeStockAlertAction, null)
  const [accountEmail, setAccountEmail] = useState<string | null>(null)
  const headingId = useId()
  useEffect(() => {
    let live = true
    fetch('/api/stock-alerts', { cache: 'no-store' })
      .then((response) => (response.ok ? (response.json() as Promise<{ email: string | null }>) : null))
      .then((body) => {
        if (live && typeof body?.email === 'string') setAccountEmail(body.email)
      })
      .catch(() => {})
    return () => {
      live = false
    }
  }, [])

  return (
    <section aria-labelledby={headingId} className="flex flex-col gap-3 rounded-xl border border-zinc-200 p-4">
      <h2 id={headingId} className="text-base font-semibold">
        Email me when it’s back
      </h2>
      {state?.ok ? (
        <FormMessage state={state} />
      ) : (
        <form action={action} noValidate className="flex flex-col gap-3">
          <FormMessage state={state} />
          <input type="hidden" name="productId" value={productId} />
          {choices && (
            <div className="flex flex-col gap-1.5">
              <label htmlFor={`${headingId}-variant`} className="text-sm font-medium text-zinc-900">
                Which one?
              </label>
              <select id={`${headingId}-variant`} name="variantId" className="rounded-xl border border-zinc-300 bg-white px-3 py-2 text-sm">
                {choices.map((choice) => (
                  <option key={choice.id} value={choice.id}>
                    {choice.title}
                  </option>
                ))}
              </select>
            </div>
          )}
          {accountEmail ? (
            <p className="text-sm text-zinc-700">
              We will send one email to <span className="font-medium text-zinc-900">{accountEmail}</span> as soon as it is in stock again.
            </p>
          ) : (
            <TextField label="Your email address" name="email" type="email" autoComplete="email" maxLength={254} required state={state} />
          )}
          <div>
            <SubmitButton pendingLabel="Saving…">Email me when it’s back</SubmitButton>
          </div>
        </form>
      )}
    </section>
  )
}
