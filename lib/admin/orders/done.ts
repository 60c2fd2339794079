/** What the order page says after a step whose form it no longer shows (`?done=` after the action). */
export const orderStepDoneMessages = {
  shipped: 'Order marked shipped; the customer is emailed the tracking number.',
  delivered: 'Order marked delivered.',
  cancelled: 'Order cancelled; its reserved stock is back on sale.',
} as const

export type OrderStepDone = keyof typeof orderStepDoneMessages

export function orderStepDoneMessage(done: string | string[] | undefined): string | null {
  return typeof done === 'string' && Object.hasOwn(orderStepDoneMessages, done) ? orderStepDoneMessages[done as OrderStepDone] : null
}
