import { describe, expect, it } from 'vitest'
import { optimisedSrcSet } from './product-image'

function widthsOf(srcSet: string) {
  return srcSet.split(', ').map((candidate) => Number(candidate.split(' ').at(-1)?.replace('w', '')))
}

describe('optimisedSrcSet', () => {
  it('offers each width through the optimiser, with the upload’s address encoded', () => {
    const first = optimisedSrcSet('/uploads/abc.png', '96px').split(', ')[0]
    expect(first).toBe('/_next/image?url=%2Fuploads%2Fabc.png&w=64&q=75 64w')
  })

  it('offers every width for a thumbnail sized in pixels', () => {
    expect(widthsOf(optimisedSrcSet('/uploads/a.png', '80px'))).toEqual([64, 96, 128, 256, 384, 640, 750, 828, 1080, 1200, 1920])
  })

  it('leaves out widths no screen would pick for a picture a share of the screen wide', () => {
    // The smallest share (25vw) of the smallest screen Next plans for (640 px) is 160 px.
    expect(widthsOf(optimisedSrcSet('/uploads/a.png', '(min-width: 1024px) 25vw, 50vw'))).toEqual([256, 384, 640, 750, 828, 1080, 1200, 1920])
    // Half of 640 px is 320 px.
    expect(widthsOf(optimisedSrcSet('/uploads/a.png', '(min-width: 1024px) 50vw, 100vw'))).toEqual([384, 640, 750, 828, 1080, 1200, 1920])
  })
})
