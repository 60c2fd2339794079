import 'server-only'
import { randomBytes } from 'node:crypto'
import { mkdir, readFile, unlink, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { env } from '@/lib/env'
import { type ImageExtension, imageTypes } from './image-type'

/** Local uploads are served by app/uploads/[file]/route.ts: files added to public/ at runtime are not served by `next start`. */
export const LOCAL_UPLOAD_PREFIX = '/uploads/'
const localName = /^[a-z0-9]{24}\.(png|jpg|webp|gif)$/

/** The upload folder, resolved at runtime (the comment keeps the bundler from tracing the whole project into it). */
function uploadPath(name = '') {
  return path.join(/*turbopackIgnore: true*/ path.resolve(/*turbopackIgnore: true*/ env.UPLOAD_DIR), name)
}

/** Stores an already-checked image and returns its public URL. */
export async function storeImage(bytes: Uint8Array, extension: ImageExtension): Promise<string> {
  const name = `${randomBytes(12).toString('hex')}.${extension}`
  if (env.BLOB_READ_WRITE_TOKEN) {
    const { put } = await import('@vercel/blob')
    const blob = await put(`products/${name}`, Buffer.from(bytes), {
      access: 'public',
      contentType: imageTypes[extension],
      token: env.BLOB_READ_WRITE_TOKEN,
    })
    return blob.url
  }
  await mkdir(uploadPath(), { recursive: true })
  await writeFile(uploadPath(name), bytes, { flag: 'wx' })
  return `${LOCAL_UPLOAD_PREFIX}${name}`
}

/** Removes a stored image; a missing file is not an error (it is gone either way). */
export async function removeStoredImage(url: string) {
  try {
    if (url.startsWith(LOCAL_UPLOAD_PREFIX)) {
      const name = url.slice(LOCAL_UPLOAD_PREFIX.length)
      if (localName.test(name)) await unlink(uploadPath(name))
    } else if (env.BLOB_READ_WRITE_TOKEN && url.startsWith('https://')) {
      const { del } = await import('@vercel/blob')
      await del(url, { token: env.BLOB_READ_WRITE_TOKEN })
    }
  } catch (error) {
    console.warn('could not remove a stored image', { url, error })
  }
}

/** A local upload by file name, or null (names are random hex, so nothing else can be asked for). */
export async function readLocalUpload(name: string): Promise<{ bytes: Buffer; contentType: string } | null> {
  const match = localName.exec(name)
  if (!match) return null
  try {
    const bytes = await readFile(uploadPath(name))
    return { bytes, contentType: imageTypes[match[1] as ImageExtension] }
  } catch {
    return null
  }
}
