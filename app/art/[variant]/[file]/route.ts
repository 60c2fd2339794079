import { z } from 'zod'
import { renderProductArtwork } from '@/lib/catalog/artwork'
import { motifIcon } from '@/lib/catalog/motif-icons'

const paramsSchema = z.object({
  variant: z.string().regex(/^\d$/).transform(Number),
  file: z
    .string()
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*\.svg$/)
    .max(200),
})
const querySchema = z.object({
  motif: z
    .string()
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/)
    .max(60)
    .optional()
    .catch(undefined),
  color: z
    .string()
    .regex(/^[0-9a-f]{6}$/i)
    .optional()
    .catch(undefined),
})

/** Demo product artwork: the motif named in the URL on the product's colour; no image files to ship or download. */
export async function GET(request: Request, { params }: RouteContext<'/art/[variant]/[file]'>) {
  const parsed = paramsSchema.safeParse(await params)
  if (!parsed.success) return new Response('Not found', { status: 404 })
  const search = new URL(request.url).searchParams
  const query = querySchema.parse({ motif: search.get('motif') ?? undefined, color: search.get('color') ?? undefined })
  const seed = parsed.data.file.replace(/\.svg$/, '')
  const svg = renderProductArtwork({ seed, icon: motifIcon(query.motif), color: query.color ? `#${query.color}` : null, variant: parsed.data.variant })
  return new Response(svg, {
    headers: {
      'Content-Type': 'image/svg+xml; charset=utf-8',
      'Cache-Control': 'public, max-age=31536000, immutable',
      'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'",
    },
  })
}
