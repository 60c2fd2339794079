import { readLocalUpload } from '@/lib/admin/uploads/storage'

/** Product images uploaded without Vercel Blob, from UPLOAD_DIR. Names are random, so they never change. */
export async function GET(_request: Request, { params }: RouteContext<'/uploads/[file]'>) {
  const { file } = await params
  const upload = await readLocalUpload(file)
  if (!upload) return new Response('Not found', { status: 404 })
  return new Response(new Uint8Array(upload.bytes), {
    headers: {
      'content-type': upload.contentType,
      'cache-control': 'public, max-age=31536000, immutable',
      'x-content-type-options': 'nosniff',
    },
  })
}
