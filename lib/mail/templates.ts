import { formatMoney } from '@/lib/money'
import type { TotalsView } from '@/lib/pricing/totals-view'
import { siteName } from '@/lib/site'

/** `headers`: extra headers such as List-Unsubscribe (RFC 2369 and 8058) on marketing-like mail. */
export type MailContent = { subject: string; html: string; text: string; headers?: Record<string, string> }

function escapeHtml(value: string) {
  return value.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`)
}

/** One branded layout: a heading, a paragraph, a button, and the plain-text twin; `unsubscribeUrl` adds a footer link. */
export function layout(input: { heading: string; intro: string; lines?: string[]; action?: { label: string; url: string }; outro: string; unsubscribeUrl?: string }): Omit<MailContent, 'subject'> {
  const button = input.action
    ? `<p style="margin:28px 0"><a href="${escapeHtml(input.action.url)}" style="background:#3b3fc4;color:#ffffff;padding:12px 20px;border-radius:999px;text-decoration:none;font-weight:600">${escapeHtml(input.action.label)}</a></p>
       <p style="font-size:13px;color:#52525b">Or paste this link into your browser:<br><span style="word-break:break-all">${escapeHtml(input.action.url)}</span></p>`
    : ''
  const unsubscribe = input.unsubscribeUrl
    ? `<p style="font-size:12px;color:#71717a;margin-top:24px">Don’t want these emails? <a href="${escapeHtml(input.unsubscribeUrl)}" style="color:#71717a">Unsubscribe</a>.</p>`
    : ''
  const list = input.lines?.length ? `<ul style="line-height:1.6;padding-left:20px">${input.lines.map((line) => `<li>${escapeHtml(line)}</li>`).join('')}</ul>` : ''
  const html = `<!doctype html><html><body style="margin:0;background:#f4f4f5;font-family:system-ui,-apple-system,Segoe UI,sans-serif;color:#18181b">
  <table role="presentation" width="100%" cellpadding="0" cellspacing="0"><tr><td align="center" style="padding:32px 16px">
  <table role="presentation" width="100%" style="max-width:560px;background:#ffffff;border-radius:16px;padding:32px">
  <tr><td><p style="font-weight:700;font-size:18px;margin:0 0 24px">${escapeHtml(siteName)}</p>
  <h1 style="font-size:22px;margin:0 0 12px">${escapeHtml(input.heading)}</h1>
  <p style="line-height:1.5">${escapeHtml(input.intro)}</p>${list}${button}
  <p style="line-height:1.5;font-size:14px;color:#52525b">${escapeHtml(input.outro)}</p>${unsubscribe}</td></tr></table>
  </td></tr></table></body></html>`
  const text = [
    siteName,
    '',
    input.heading,
    '',
    input.intro,
    ...(input.lines?.length ? ['', ...input.lines.map((line) => `- ${line}`)] : []),
    ...(input.action ? ['', `${input.action.label}: ${input.action.url}`] : []),
    '',
    input.outro,
    ...(input.unsubscribeUrl ? ['', `Unsubscribe: ${input.unsubscribeUrl}`] : []),
  ].join('\n')
  return { html, text }
}

export function passwordResetMail(input: { name: string | null; url: string }): MailContent {
  return {
    subject: `Reset your ${siteName} password`,
    ...layout({
      heading: 'Reset your password',
      intro: `Hi${input.name ? ` ${input.name}` : ''}, someone (hopefully you) asked to reset the password for this email address. The link works once and expires in 1 hour.`,
      action: { label: 'Choose a new password', url: input.url },
      outro: 'If you did not ask for this, ignore this email: your password stays the same.',
    }),
  }
}

export function emailChangeMail(input: { name: string | null; url: string; newEmail: string }): MailContent {
  return {
    subject: `Confirm your new ${siteName} email address`,
    ...layout({
      heading: 'Confirm your new email address',
      intro: `Hi${input.name ? ` ${input.name}` : ''}, confirm that ${input.newEmail} should become the email address of your account. The link works once and expires in 1 hour.`,
      action: { label: 'Confirm email address', url: input.url },
      outro: 'If you did not ask for this, ignore this email and nothing changes.',
    }),
  }
}

export function welcomeMail(input: { name: string }): MailContent {
  return {
    subject: `Welcome to ${siteName}`,
    ...layout({
      heading: `Welcome, ${input.name}`,
      intro: 'Your account is ready. You can follow your orders, save addresses and review products.',
      outro: 'Happy shopping!',
    }),
  }
}

export function orderConfirmationMail(input: {
  number: string
  url: string
  currency: string
  items: { name: string; quantity: number; unitPriceCents: number; discountCents: number }[]
  totals: TotalsView
  note?: string | null
}): MailContent {
  const money = (cents: number) => formatMoney(cents, input.currency)
  const { totals } = input
  return {
    subject: `Your ${siteName} order ${input.number} is confirmed`,
    ...layout({
      heading: `Thank you for your order ${input.number}`,
      intro: totals.totalCents === 0 ? 'There was nothing to pay. Here is what you ordered:' : 'We received your payment. Here is what you ordered:',
      lines: [
        ...input.items.map((item) => `${item.quantity} × ${item.name} — ${money(item.unitPriceCents * item.quantity - item.discountCents)}`),
        `Subtotal — ${money(totals.subtotalCents)}`,
        ...totals.discounts.map((discount) => `${discount.label} — −${money(discount.cents)}`),
        `Shipping${totals.shippingName ? ` (${totals.shippingName})` : ''} — ${totals.shippingCents === 0 ? 'free' : money(totals.shippingCents)}`,
        ...(totals.taxCents > 0 ? [totals.taxInclusive ? `Including ${totals.taxName ?? 'tax'} — ${money(totals.taxCents)}` : `${totals.taxName ?? 'Tax'} — ${money(totals.taxCents)}`] : []),
        `${totals.totalCents === 0 ? 'Total' : 'Total paid'} — ${money(totals.totalCents)}`,
        ...(input.note ? [`Your note: ${input.note}`] : []),
      ],
      action: { label: 'View your order', url: input.url },
      outro: 'We will email you again when it ships.',
    }),
  }
}

export function orderShippedMail(input: { number: string; url: string; carrier: string; trackingNumber: string }): MailContent {
  return {
    subject: `Your ${siteName} order ${input.number} has shipped`,
    ...layout({
      heading: `Order ${input.number} is on its way`,
      intro: `It left our warehouse with ${input.carrier || 'our carrier'}${input.trackingNumber ? `, tracking number ${input.trackingNumber}` : ''}.`,
      action: { label: 'Follow your order', url: input.url },
      outro: 'Thank you for shopping with us.',
    }),
  }
}

const returnMailText = {
  requested: { subject: 'We received your return request', heading: 'Your return request is in', intro: 'We will look at it shortly and email you our answer.' },
  approved: { subject: 'Your return is approved', heading: 'Your return is approved', intro: 'Please send these items back to us; we refund them once they arrive.' },
  rejected: { subject: 'About your return request', heading: 'We cannot accept this return', intro: 'We looked at your request and cannot accept it.' },
  received: { subject: 'We received your returned items', heading: 'Your items arrived', intro: 'Your returned items reached us.' },
  refunded: { subject: 'Your return is refunded', heading: 'Your return is refunded', intro: 'We sent the refund to your original payment method.' },
  closed: { subject: 'Your return is closed', heading: 'Your return is closed', intro: 'We closed your return without a refund.' },
} as const

export function returnUpdateMail(input: {
  orderNumber: string
  returnNumber: string
  status: keyof typeof returnMailText
  url: string
  items: { name: string; quantity: number }[]
  merchantMessage: string
  refund: { cents: number; currency: string } | null
  /** Whether the order has money left to pay this return back (not so for a $0 order). */
  refundDue: boolean
}): MailContent {
  const text = returnMailText[input.status]
  const refund =
    input.status === 'refunded' && input.refund
      ? ` Amount refunded: ${formatMoney(input.refund.cents, input.refund.currency)}.`
      : input.status === 'received' && input.refundDue
        ? ' Your refund follows shortly.'
        : ''
  const message = input.merchantMessage && (input.status === 'approved' || input.status === 'rejected' || input.status === 'closed') ? ` Our note: “${input.merchantMessage}”` : ''
  return {
    subject: `${text.subject} (return ${input.returnNumber}, order ${input.orderNumber})`,
    ...layout({
      heading: text.heading,
      intro: `Return ${input.returnNumber} for order ${input.orderNumber}. ${text.intro}${refund}${message}`,
      lines: input.items.map((item) => `${item.quantity} × ${item.name}`),
      action: { label: 'View your order', url: input.url },
      outro: 'Questions? Reply to this email.',
    }),
  }
}

export function cartReminderMail(input: {
  lines: { name: string; quantity: number; unitPriceCents: number; currency: string; available: boolean }[]
  cartUrl: string
  unsubscribeUrl: string
}): MailContent {
  return {
    subject: `You left something in your ${siteName} cart`,
    ...layout({
      heading: 'Still thinking it over?',
      intro: 'Your cart is saved. Here is what is in it, at today’s prices:',
      lines: input.lines.map((line) => `${line.quantity} × ${line.name} — ${formatMoney(line.unitPriceCents, line.currency)} each${line.available ? '' : ' (sold out for now)'}`),
      action: { label: 'Back to your cart', url: input.cartUrl },
      outro: 'This is the only reminder we send for this cart.',
      unsubscribeUrl: input.unsubscribeUrl,
    }),
  }
}

export function stockAlertConfirmationMail(input: { name: string; productUrl: string; unsubscribeUrl: string }): MailContent {
  return {
    subject: `We will tell you when ${input.name} is back`,
    ...layout({
      heading: 'You are on the list',
      intro: `${input.name} is sold out right now. We will send you one email as soon as it is back in stock.`,
      action: { label: 'See the product', url: input.productUrl },
      outro: 'Did not ask for this? Unsubscribe below and we will not write again about it.',
      unsubscribeUrl: input.unsubscribeUrl,
    }),
  }
}

export function backInStockMail(input: { name: string; productUrl: string }): MailContent {
  return {
    subject: `${input.name} is back in stock`,
    ...layout({
      heading: `${input.name} is back`,
      intro: 'You asked us to tell you when it returned. It is in stock now, while it lasts.',
      action: { label: 'Shop it now', url: input.productUrl },
      outro: 'This was the one email you asked for: we will not write again about this item.',
    }),
  }
}
