import { type NextRequest, NextResponse } from 'next/server'
import { applyUnsubscribe } from '@/lib/mail/unsubscribe'
import { readUnsubscribeToken } from '@/lib/mail/unsubscribe-token'
import { seeOther } from '@/lib/http/see-other'

/** RFC 8058 one-click unsubscribe: the mail client POSTs `List-Unsubscribe=One-Click` to the URL in the header. */
export async function POST(request: NextRequest) {
  const subject = readUnsubscribeToken(request.nextUrl.searchParams.get('token'))
  if (!subject) return NextResponse.json({ error: 'This unsubscribe link is not valid. Use the link from the email itself.' }, { status: 400 })
  return NextResponse.json({ message: await applyUnsubscribe(subject) })
}

/** A person (or a link scanner) opening the header's URL gets the page that asks first. */
export function GET(request: NextRequest) {
  return seeOther('/unsubscribe', { token: request.nextUrl.searchParams.get('token') ?? '' })
}
