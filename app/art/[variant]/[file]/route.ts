import { z } from 'zod'
import { renderProductArtwork } from '@/lib/catalog/artwork'

const paramsSchema = z.object({
  variant: z.coerce.number().int().min(0).max(9),
  file: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*\.svg$/).max(200),
})

/** Demo product artwork, drawn from the slug: no image files to ship or download. */
export async function GET(_request: Request, { params }: RouteContext<'/art/[variant]/[file]'>) {
  const parsed = paramsSchema.safeParse(await params)
  if (!parsed.success) return new Response('Not found', { status: 404 })
  const slug = parsed.data.file.replace(/\.svg$/, '')
  const label = slug
    .split('-')
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join(' ')
  return new Response(renderProductArtwork({ seed: slug, label, variant: parsed.data.variant }), {
    headers: {
      'Content-Type': 'image/svg+xml; charset=utf-8',
      'Cache-Control': 'public, max-age=31536000, immutable',
      'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'",
    },
  })
}
