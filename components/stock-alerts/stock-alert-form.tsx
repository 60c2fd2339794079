'use client'

import { useActionState, useEffect, useId, useState } from 'react'
import { FormMessage, SubmitButton, TextField } from '@/components/ui/form'
import { subscribeStockAlertAction } from '@/lib/stock-alerts/actions'

/**
 * "Email me when it's back" for the sold-out variant shown on a product page (a product without
 * options has one). Guests type an address; for a signed-in
 * shopper (asked in the browser, so the page stays cacheable) the account's address is used.
 */
export function StockAlertForm({ productId, variantId }: { productId: number; variantId: number }) {
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
          <input type="hidden" name="variantId" value={variantId} />
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
