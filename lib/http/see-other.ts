import { NextResponse } from 'next/server'

/**
 * A 303 to a path of this shop, as a relative Location: the browser stays on the host it asked
 * (behind a proxy, Next's idea of the request URL can be the upstream's localhost:3000, and a
 * cookie just set for the shop's host would not go with the redirect).
 */
export function seeOther(path: string, query: Record<string, string> = {}) {
  const search = new URLSearchParams(query).toString()
  return new NextResponse(null, { status: 303, headers: { Location: search ? `${path}?${search}` : path } })
}
