/** The demo provider's test cards, named like Stripe's. Pure, so the checkout page and tests share it. */

export const demoTestCards = [
  { number: '4242 4242 4242 4242', outcome: 'Payment succeeds' },
  { number: '4000 0000 0000 0002', outcome: 'Card declined' },
  { number: '4000 0000 0000 9995', outcome: 'Insufficient funds' },
] as const

export type DemoCardOutcome = { ok: true } | { ok: false; error: string }

export function demoCardOutcome(cardNumber: string): DemoCardOutcome {
  const digits = cardNumber.replace(/[\s-]/g, '')
  switch (digits) {
    case '4242424242424242':
      return { ok: true }
    case '4000000000000002':
      return { ok: false, error: 'Your card was declined. Try another card.' }
    case '4000000000009995':
      return { ok: false, error: 'Your card has insufficient funds. Try another card.' }
    default:
      return { ok: false, error: 'Demo payments accept only the test cards listed on this page; no real card is ever charged.' }
  }
}
