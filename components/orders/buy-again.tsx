'use client'

import { useActionState, useEffect } from 'react'
import { setCartCount } from '@/components/cart/cart-count-store'
import { AlertMessage, StatusMessage, SubmitButton } from '@/components/ui/form'
import { Link } from '@/components/ui/link'
import { buyAgainAction, type CartActionState } from '@/lib/cart/actions'

/** "Buy again" under an order: its items back in the cart at today's prices, with what could not be. */
export function BuyAgain({ orderId, accessKey }: { orderId: number; accessKey?: string }) {
  const [state, action] = useActionState<CartActionState, FormData>(buyAgainAction, null)
  useEffect(() => {
    if (typeof state?.count === 'number') setCartCount(state.count)
  }, [state])
  return (
    <form action={action} className="flex flex-col items-start gap-3">
      <input type="hidden" name="orderId" value={orderId} />
      {accessKey && <input type="hidden" name="key" value={accessKey} />}
      <SubmitButton pendingLabel="Adding…" variant="secondary">
        Buy again
      </SubmitButton>
      {state?.ok === false && <AlertMessage>{state.error}</AlertMessage>}
      {state?.ok && (
        <StatusMessage>
          {state.message}{' '}
          <Link href="/cart" className="font-semibold underline">
            Go to your cart
          </Link>
        </StatusMessage>
      )}
    </form>
  )
}
