import { afterAll, describe, expect, it } from 'vitest'
import { sql } from '@/db/client'
import { startCheckout } from '@/lib/orders/checkout'
import { formData, outcomeOf, signInAs } from '@/lib/testing/auth'
import { createCartWith, createTestProduct } from '@/lib/testing/commerce'
import { payDemoCheckoutAction } from './actions'

/**
 * The demo payment page ships where the order was priced: a taxed order only to the country its
 * tax was worked out for, an untaxed one anywhere in the zone the rate table does not tax.
 */

const card = { cardNumber: '4242 4242 4242 4242', expiry: '12 / 39', cvc: '123' }
const address = (country: string, region: string) => ({ fullName: 'Ada Dest', line1: '5 Border Road', line2: '', city: 'Somewhere', region, postalCode: '10001', country, phone: '' })

afterAll(async () => {
  await sql`delete from tax_rates where country = 'US' and region = 'NY'`
})

async function demoOrder(destination: { country: string; region: string }, email: string) {
  const product = await createTestProduct({ stock: 5, priceCents: 2_000 })
  const result = await startCheckout({ cartId: await createCartWith([{ product, quantity: 1 }]), userId: null, email, destination, shippingMethodId: null })
  if (!result.ok) throw new Error(result.error)
  const [row] = await sql<{ checkout_session_id: string; tax_cents: number; status: string }[]>`select checkout_session_id, tax_cents, status from orders where id = ${result.orderId}`
  return { orderId: result.orderId, sessionId: row?.checkout_session_id ?? '', taxCents: row?.tax_cents ?? -1 }
}

describe('the demo payment address and the destination priced', () => {
  it('refuses another country for an order taxed for New York, then takes a US address', async () => {
    signInAs(null)
    await sql`insert into tax_rates (country, region, name, rate_ppm) values ('US', 'NY', 'Sales tax', 88750) on conflict do nothing`
    const email = 'dest-ny@example.com'
    // 20.00 × 8.875% = 1.775 → 1.78; Standard 4.95 × 8.875% = 0.4393… → 0.44.
    const { orderId, sessionId, taxCents } = await demoOrder({ country: 'US', region: 'NY' }, email)
    expect(taxCents).toBe(222)
    const refused = await outcomeOf(payDemoCheckoutAction(null, formData({ sessionId, email, ...card, ...address('CA', 'ON') })))
    expect(refused).toMatchObject({
      kind: 'returned',
      value: { ok: false, error: "This order's shipping and tax were worked out for United States. Enter an address there, or return to your cart to change the country." },
    })
    // The right country, but a state the rate table taxes otherwise (no rate: no tax), is refused too.
    const otherState = await outcomeOf(payDemoCheckoutAction(null, formData({ sessionId, email, ...card, ...address('US', 'CA') })))
    expect(otherState).toMatchObject({
      kind: 'returned',
      value: {
        ok: false,
        error:
          'The tax on this order was worked out for NY, United States, and CA, United States is taxed differently. Enter an address in NY, United States, or return to your cart and choose where it ships.',
      },
    })
    expect(await sql`select status, payment_state from orders where id = ${orderId}`).toEqual([{ status: 'pending', payment_state: 'unpaid' }])
    const paid = await outcomeOf(payDemoCheckoutAction(null, formData({ sessionId, email, ...card, ...address('US', 'ny') })))
    expect(paid).toEqual({ kind: 'redirect', url: `/checkout/success?session_id=${sessionId}` })
  })

  it('an untaxed order may ship to a zone country the rate table does not tax, not to one it does', async () => {
    signInAs(null)
    await sql`insert into tax_rates (country, region, name, rate_ppm) values ('US', 'NY', 'Sales tax', 88750) on conflict do nothing`
    const email = 'dest-ca@example.com'
    const taxedElsewhere = await demoOrder({ country: 'GB', region: '' }, email)
    expect(taxedElsewhere.taxCents).toBe(0)
    // The US has a rate (New York's): an order priced untaxed for Britain cannot ship there.
    const refused = await outcomeOf(payDemoCheckoutAction(null, formData({ sessionId: taxedElsewhere.sessionId, email, ...card, ...address('US', 'NY') })))
    expect(refused).toMatchObject({ kind: 'returned', value: { ok: false, error: expect.stringContaining('worked out for United Kingdom') } })
    const paid = await outcomeOf(payDemoCheckoutAction(null, formData({ sessionId: taxedElsewhere.sessionId, email, ...card, ...address('CA', 'ON') })))
    expect(paid).toEqual({ kind: 'redirect', url: `/checkout/success?session_id=${taxedElsewhere.sessionId}` })
  })
})
