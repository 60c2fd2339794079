import 'server-only'
import { cancelStockAlert } from '@/lib/stock-alerts/alerts'
import { setOptOut } from './opt-outs'
import type { UnsubscribeSubject } from './unsubscribe-token'

/** What an unsubscribe link does, by its topic; idempotent (a second click changes nothing). */
export async function applyUnsubscribe(subject: UnsubscribeSubject) {
  switch (subject.topic) {
    case 'cart-reminders':
      await setOptOut(subject.email, 'cart-reminders', true)
      return 'You will get no more cart reminders at this address.'
    case 'stock-alert':
      await cancelStockAlert(subject.alertId)
      return 'You will not be emailed when this item is back.'
  }
}

export function describeUnsubscribe(subject: UnsubscribeSubject) {
  return subject.topic === 'cart-reminders' ? `Stop cart reminder emails to ${subject.email}?` : 'Stop the email telling you when this item is back in stock?'
}
