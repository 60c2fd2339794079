import { describe, expect, it } from 'vitest'
import { firstFreeSlug, slugify, slugPattern } from './slug'
import { detectImageType, imageProblem, MAX_IMAGE_BYTES } from './uploads/image-type'

describe('slugify', () => {
  it('makes URL-safe slugs from any name', () => {
    expect(slugify('Café Crème 2-Pack!')).toBe('cafe-creme-2-pack')
    expect(slugify('  --Hello   World--  ')).toBe('hello-world')
    expect(slugify('日本語')).toBe('item')
    expect(slugify('a'.repeat(100))).toHaveLength(80)
    for (const name of ['Café Crème 2-Pack!', 'x'.repeat(79) + ' y', '日本語']) expect(slugify(name)).toMatch(slugPattern)
  })

  it('finds the first free suffix', () => {
    expect(firstFreeSlug('mug', new Set())).toBe('mug')
    expect(firstFreeSlug('mug', new Set(['mug', 'mug-2']))).toBe('mug-3')
  })
})

describe('image checks', () => {
  const bytes = (...values: number[]) => new Uint8Array(values)
  const ascii = (text: string) => [...text].map((char) => char.charCodeAt(0))
  it('recognises PNG, JPEG, GIF and WebP by their first bytes only', () => {
    expect(detectImageType(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a))).toBe('png')
    expect(detectImageType(bytes(0xff, 0xd8, 0xff, 0xe0))).toBe('jpg')
    expect(detectImageType(bytes(...ascii('GIF87a')))).toBe('gif')
    expect(detectImageType(bytes(...ascii('RIFF'), 0, 0, 0, 0, ...ascii('WEBP')))).toBe('webp')
    expect(detectImageType(bytes(...ascii('RIFF'), 0, 0, 0, 0, ...ascii('WAVE')))).toBeNull()
    expect(detectImageType(bytes(...ascii('<svg xmlns=')))).toBeNull()
    expect(detectImageType(bytes())).toBeNull()
  })

  it('refuses empty, oversized and non-image files with a sentence naming the file', () => {
    expect(imageProblem('a.png', bytes())).toBe('a.png is empty.')
    const big = new Uint8Array(MAX_IMAGE_BYTES + 1)
    big.set([0xff, 0xd8, 0xff])
    expect(imageProblem('big.jpg', big)).toMatch(/^big\.jpg is 5\.0 MB; images must be 5 MB or smaller\.$/)
    expect(imageProblem('doc.pdf', bytes(...ascii('%PDF-1.7')))).toBe('doc.pdf is not a PNG, JPEG, WebP or GIF image.')
    expect(imageProblem('ok.jpg', bytes(0xff, 0xd8, 0xff))).toBeNull()
  })
})
