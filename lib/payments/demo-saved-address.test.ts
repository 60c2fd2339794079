import { describe, expect, it } from 'vitest'
import { sql } from '@/db/client'
import { listAddresses, saveAddress } from '@/lib/account/addresses'
import { createTestUser, formData, outcomeOf, signInAs } from '@/lib/testing/auth'
import { createTestProduct, orderRow, placeOrder } from '@/lib/testing/commerce'
import { payDemoCheckoutAction } from './actions'

/** The demo payment page ships a signed-in shopper's order to a saved address, or saves a new one. */

const card = { email: 'saved-address@example.com', cardNumber: '4242 4242 4242 4242', expiry: '12 / 39', cvc: '123' }
const typed = { fullName: 'New Person', line1: '77 Fresh Street', line2: '', city: 'Denver', region: 'CO', postalCode: '80202', country: 'US', phone: '' }

async function shopperWithOrder() {
  const user = await createTestUser()
  await saveAddress(user.id, null, { fullName: 'Grace Home', line1: '9 Default Rd', line2: '', city: 'Boston', region: 'MA', postalCode: '02101', country: 'US', phone: '', isDefault: true })
  await saveAddress(user.id, null, {
    fullName: 'Grace Work',
    line1: '1 Office Park',
    line2: 'Floor 3',
    city: 'Cambridge',
    region: 'MA',
    postalCode: '02139',
    country: 'US',
    phone: '',
    isDefault: false,
  })
  const product = await createTestProduct({ stock: 5, priceCents: 3_000 })
  const { orderId } = await placeOrder([{ product, quantity: 1 }], { userId: user.id, email: user.email })
  const sessionId = (await orderRow(orderId)).checkout_session_id ?? ''
  const [home, work] = await listAddresses(user.id)
  if (!home || !work) throw new Error('addresses not saved')
  return { user, orderId, sessionId, home, work }
}

async function shippedTo(orderId: number) {
  const [row] = await sql<{ shipping_address: { line1: string; fullName: string } | null }[]>`select shipping_address from orders where id = ${orderId}`
  return row?.shipping_address ?? null
}

describe('saved addresses at demo checkout', () => {
  it('the signed-in shopper pays with a saved address chosen, without typing it', async () => {
    const { user, orderId, sessionId, work } = await shopperWithOrder()
    signInAs(user)
    const outcome = await outcomeOf(payDemoCheckoutAction(null, formData({ sessionId, ...card, savedAddress: String(work.id) })))
    expect(outcome).toEqual({ kind: 'redirect', url: `/checkout/success?session_id=${sessionId}` })
    expect(await shippedTo(orderId)).toMatchObject({ fullName: 'Grace Work', line1: '1 Office Park', line2: 'Floor 3', postalCode: '02139' })
  })

  it('nobody else can ship to the shopper’s saved address, even holding the payment link', async () => {
    const { orderId, sessionId, home } = await shopperWithOrder()
    const stranger = await createTestUser()
    for (const session of [null, stranger]) {
      signInAs(session)
      const outcome = await outcomeOf(payDemoCheckoutAction(null, formData({ sessionId, ...card, savedAddress: String(home.id) })))
      expect(outcome).toMatchObject({ kind: 'returned', value: { ok: false, error: expect.stringContaining('saved address is not available') } })
    }
    expect(await orderRow(orderId)).toMatchObject({ status: 'pending', payment_state: 'unpaid' })
  })

  it('“Save this address” adds the typed address to the shopper’s book, not as the default', async () => {
    const { user, orderId, sessionId } = await shopperWithOrder()
    signInAs(user)
    const outcome = await outcomeOf(payDemoCheckoutAction(null, formData({ sessionId, ...card, ...typed, savedAddress: 'new', saveAddress: 'on' })))
    expect(outcome).toMatchObject({ kind: 'redirect' })
    expect(await shippedTo(orderId)).toMatchObject({ line1: '77 Fresh Street' })
    const book = await listAddresses(user.id)
    expect(book.map((address) => [address.line1, address.isDefault])).toEqual([
      ['9 Default Rd', true],
      ['1 Office Park', false],
      ['77 Fresh Street', false],
    ])
  })

  it('a declined card saves nothing, and a new address still needs every field', async () => {
    const { user, sessionId } = await shopperWithOrder()
    signInAs(user)
    const declined = await outcomeOf(payDemoCheckoutAction(null, formData({ sessionId, ...card, cardNumber: '4000 0000 0000 0002', ...typed, savedAddress: 'new', saveAddress: 'on' })))
    expect(declined).toMatchObject({ kind: 'returned', value: { ok: false, values: { savedAddress: 'new', country: 'US', saveAddress: 'on' } } })
    expect(await listAddresses(user.id)).toHaveLength(2)
    const missing = await outcomeOf(payDemoCheckoutAction(null, formData({ sessionId, ...card, savedAddress: 'new' })))
    expect(missing).toMatchObject({ kind: 'returned', value: { ok: false, fieldErrors: { line1: expect.any(Array), country: expect.any(Array) } } })
  })
})
