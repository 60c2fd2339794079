export function DemoPaymentsNote() {
  return (
    <p className="rounded-xl border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">
      <strong>Demo payments, no money moves.</strong> This shop has no Stripe keys, so checkout uses a built-in test payment page.
    </p>
  )
}
