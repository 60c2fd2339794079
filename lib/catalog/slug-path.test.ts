import { describe, expect, it } from 'vitest'
import { catalogSlugFallback } from './slug-path'

describe('catalogSlugFallback', () => {
  it('leaves slugs the shop makes, and every other path, alone', () => {
    for (const path of ['/products/oakline-walnut-audio-stand', '/category/audio/', '/products/x/reviews', '/search', '/products/abc%ff']) {
      expect(catalogSlugFallback(path), path).toBeNull()
    }
  })

  it('sends a slug written in capitals to its lower-case address', () => {
    expect(catalogSlugFallback('/category/AUDIO')).toEqual({ redirect: '/category/audio' })
    expect(catalogSlugFallback('/products/Oakline-Walnut-Audio-Stand/')).toEqual({ redirect: '/products/oakline-walnut-audio-stand' })
  })

  it('answers a slug no product or category could have with a cached not-found route', () => {
    for (const segment of ['%00', 'a%2Fb', '%C3%BCn%C3%AFcode', 'two--dashes', '-edge']) {
      expect(catalogSlugFallback(`/products/${segment}`), segment).toEqual({ rewrite: '/products/-/v/-' })
      expect(catalogSlugFallback(`/category/${segment}`), segment).toEqual({ rewrite: '/category/-/r/-' })
    }
  })
})
