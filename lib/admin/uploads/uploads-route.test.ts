/** The route that serves product images stored on local disk (app/uploads/[file]/route.ts). */
import { mkdir, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { GET } from '@/app/uploads/[file]/route'

const uploadDir = vi.hoisted(() => {
  const dir = `${process.env.TMPDIR ?? '/tmp'}/northwind-uploads-test-${Math.random().toString(36).slice(2)}/uploads`
  process.env.UPLOAD_DIR = dir
  return dir
})

const png = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489', 'hex')
const name = 'a1b2c3d4e5f60718293a4b5c.png'
const secret = Buffer.from('not for the public')

const get = (file: string) => GET(new Request(`http://localhost:3000/uploads/${encodeURIComponent(file)}`), { params: Promise.resolve({ file }) } as Parameters<typeof GET>[1])

beforeAll(async () => {
  await mkdir(uploadDir, { recursive: true })
  await writeFile(path.join(uploadDir, name), png)
  await writeFile(path.join(uploadDir, 'notes.txt'), secret)
  // A file beside the upload folder, which a path traversal would try to reach.
  await writeFile(path.join(uploadDir, '..', 'b1b2c3d4e5f60718293a4b5c.png'), secret)
})
afterAll(async () => {
  await rm(path.dirname(uploadDir), { recursive: true, force: true })
  delete process.env.UPLOAD_DIR
})

describe('/uploads/[file]', () => {
  it('serves an uploaded image with its type, a year of caching and nosniff', async () => {
    const response = await get(name)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('image/png')
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable')
    expect(response.headers.get('x-content-type-options')).toBe('nosniff')
    expect(Buffer.from(await response.arrayBuffer()).equals(png)).toBe(true)
  })

  it('answers 404 for an image that is not there', async () => {
    const response = await get('ffffffffffffffffffffffff.png')
    expect(response.status).toBe(404)
  })

  it.each([
    '../b1b2c3d4e5f60718293a4b5c.png',
    '..%2Fb1b2c3d4e5f60718293a4b5c.png',
    '..\\b1b2c3d4e5f60718293a4b5c.png',
    '/etc/passwd',
    '../../../../../../etc/passwd',
    'notes.txt',
    `${name}/../notes.txt`,
    'A1B2C3D4E5F60718293A4B5C.png',
    `${name}\u0000.txt`,
  ])('refuses %j with 404, serving nothing', async (file) => {
    const response = await get(file)
    expect(response.status).toBe(404)
    const body = Buffer.from(await response.arrayBuffer())
    expect(body.includes(secret)).toBe(false)
    expect(response.headers.get('content-type')).not.toMatch(/^image\//)
  })
})
