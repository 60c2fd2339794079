/** Image formats accepted for product photos, recognised by their first bytes (never the browser's content type). */
export const imageTypes = {
  png: 'image/png',
  jpg: 'image/jpeg',
  webp: 'image/webp',
  gif: 'image/gif',
} as const
export type ImageExtension = keyof typeof imageTypes

export const MAX_IMAGE_BYTES = 5 * 1024 * 1024

function startsWith(bytes: Uint8Array, signature: readonly number[], offset = 0) {
  return signature.every((byte, index) => bytes[offset + index] === byte)
}

const ascii = (text: string) => [...text].map((char) => char.charCodeAt(0))

export function detectImageType(bytes: Uint8Array): ImageExtension | null {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png'
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpg'
  if (startsWith(bytes, ascii('GIF87a')) || startsWith(bytes, ascii('GIF89a'))) return 'gif'
  if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8)) return 'webp'
  return null
}

/** A refusal a merchant can act on, or null when the file is an acceptable image. */
export function imageProblem(name: string, bytes: Uint8Array): string | null {
  if (bytes.byteLength === 0) return `${name} is empty.`
  if (bytes.byteLength > MAX_IMAGE_BYTES) return `${name} is ${(bytes.byteLength / 1024 / 1024).toFixed(1)} MB; images must be 5 MB or smaller.`
  if (!detectImageType(bytes)) return `${name} is not a PNG, JPEG, WebP or GIF image.`
  return null
}
