'use server'

import { after } from 'next/server'
import { redirect } from 'next/navigation'
import type { ShippingAddress } from '@/db/schema/orders'
import { type ActionState, failure, formObject, invalid } from '@/lib/action-state'
import { getAddress, saveAddress } from '@/lib/account/addresses'
import { addressFields } from '@/lib/account/validation'
import type { AccountUser } from '@/lib/auth/users'
import { formAction } from '@/lib/define-action'
import { runDueJobs } from '@/lib/jobs/runner'
import { getOrderByCheckoutSession } from '@/lib/orders/queries'
import { shippingAddressSchema, demoCardSchema, demoPaymentSchema, freeCheckoutSchema, localCheckoutSchema, savedAddressChoiceSchema } from '@/lib/orders/validation'
import { closedCheckoutReason, completeLocalCheckout, expireLocalCheckout, type LocalProvider } from './local-checkout'
import { addressCountriesFor } from '@/lib/pricing/quote'
import { countryName, destinationName } from '@/lib/shipping/validation'
import { taxedAlike } from '@/lib/tax/queries'
import { demoCardOutcome } from './demo-cards'

const shippingFields = addressFields.filter((field) => field !== 'isDefault')
const contactFields = ['sessionId', 'email'] as const
const cardFields = ['cardNumber', 'expiry', 'cvc'] as const

/**
 * The demo checkout page's "Pay" button. Like a hosted checkout, the session id in the URL is
 * what grants access; the outcome reaches the order only through Stripe-shaped events.
 */
export const payDemoCheckoutAction = formAction(
  {
    name: 'demo-payment.pay',
    access: 'public',
    // With a saved address chosen, the form's address fields are not read.
    schema: (_caller, formData) => (chosenSavedAddress(formData) === null ? demoPaymentSchema : demoCardSchema),
    input: [...contactFields, ...cardFields, ...shippingFields],
  },
  ({ sessionId, email, cardNumber }, { caller, formData }) =>
    finishLocalCheckout('demo', { sessionId, email }, caller, formData, () => {
      const outcome = demoCardOutcome(cardNumber)
      return outcome.ok ? null : outcome.error
    }),
)

/** "Place order" on the confirmation page of an order that comes to nothing: no card, the same steps. */
export const confirmFreeCheckoutAction = formAction(
  {
    name: 'free-checkout.confirm',
    access: 'public',
    schema: (_caller, formData) => (chosenSavedAddress(formData) === null ? freeCheckoutSchema : localCheckoutSchema),
    input: [...contactFields, ...shippingFields],
  },
  ({ sessionId, email }, { caller, formData }) => finishLocalCheckout('free', { sessionId, email }, caller, formData, () => null),
)

/**
 * The shopper who placed the order, signed in, may ship to one of their saved addresses (looked up
 * in their own address book) or save the new one they type. `refusal` is the page's last check
 * (the demo card's outcome), made once the address is known to be good.
 */
async function finishLocalCheckout(
  provider: LocalProvider,
  { sessionId, email }: { sessionId: string; email: string },
  caller: AccountUser | null,
  formData: FormData,
  refusal: () => string | null,
): Promise<ActionState> {
  const order = await getOrderByCheckoutSession(sessionId)
  if (!order || order.provider !== provider) return failure('This checkout session does not exist. Return to your cart to start again.')
  if (order.paymentState === 'paid') redirect(`/checkout/success?session_id=${sessionId}`)
  if (order.status !== 'pending' || order.expiresAt <= new Date()) {
    if (order.status === 'pending') await expireLocalCheckout(provider, sessionId)
    return failure(`${closedCheckoutReason(order)}, so the items went back on sale. Return to your cart to start again.`)
  }
  const owner = caller && order.userId && caller.id === order.userId ? caller : null
  const savedId = chosenSavedAddress(formData)

  let shipping: ShippingAddress
  if (savedId !== null) {
    const saved = owner ? await getAddress(owner.id, savedId) : null
    if (!saved) return failure('That saved address is not available. Choose another or enter a new one.', formData)
    const { fullName, line1, line2, city, region, postalCode, country, phone } = saved
    shipping = { fullName, line1, line2, city, region, postalCode, country, phone }
  } else {
    const address = shippingAddressSchema.safeParse(formObject(formData, shippingFields))
    if (!address.success) return invalid(address.error, formData)
    shipping = address.data
  }

  // Shipping and tax were worked out for the destination chosen in the cart: the address must fit it.
  if (order.destinationCountry && !(await addressCountriesFor(order.destinationCountry, order.taxMode)).includes(shipping.country)) {
    return failure(`This order's shipping and tax were worked out for ${countryName(order.destinationCountry)}. Enter an address there, or return to your cart to change the country.`, formData)
  }
  const priced = order.destinationCountry ? { country: order.destinationCountry, region: order.destinationRegion } : null
  if (priced && order.taxMode !== 'stripe' && !(await taxedAlike(priced, shipping))) {
    return failure(
      `The tax on this order was worked out for ${destinationName(priced)}, and ${destinationName(shipping)} is taxed differently. Enter an address in ${destinationName(priced)}, or return to your cart and choose where it ships.`,
      formData,
    )
  }
  const refused = refusal()
  if (refused) return failure(refused, formData)
  await completeLocalCheckout(provider, sessionId, { email, shipping })
  if (owner && savedId === null && formData.get('saveAddress') !== null) {
    await saveAddress(owner.id, null, { ...shipping, isDefault: false }).catch((error) => console.error('could not save the checkout address', { orderId: order.id, error }))
  }
  after(() => runDueJobs().catch((error) => console.error('jobs after a local checkout failed', error)))
  redirect(`/checkout/success?session_id=${sessionId}`)
}

function chosenSavedAddress(formData: FormData) {
  const choice = savedAddressChoiceSchema.safeParse(formData.get('savedAddress') ?? 'new')
  return choice.success && choice.data !== 'new' ? choice.data : null
}
