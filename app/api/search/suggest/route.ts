import { type NextRequest, NextResponse } from 'next/server'
import { z } from 'zod'
import { suggestProducts } from '@/lib/catalog/search'
import { MAX_QUERY_LENGTH } from '@/lib/catalog/search-params'

const querySchema = z.object({ q: z.string().trim().max(MAX_QUERY_LENGTH).catch('') })

export async function GET(request: NextRequest) {
  const { q } = querySchema.parse({ q: request.nextUrl.searchParams.get('q') ?? '' })
  if (q.length < 2) return NextResponse.json({ suggestions: [] })
  try {
    const suggestions = await suggestProducts(q)
    return NextResponse.json({ suggestions }, { headers: { 'Cache-Control': 'public, max-age=60' } })
  } catch (error) {
    console.error('search suggestions failed', { q, error })
    return NextResponse.json({ suggestions: [], error: 'Suggestions are unavailable right now.' }, { status: 503 })
  }
}
