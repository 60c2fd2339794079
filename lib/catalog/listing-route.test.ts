import { describe, expect, it } from 'vitest'
import { ListingSightings, listingRewritePath, listingRouteOf, queryFromListingKey } from './listing-route'
import { parseSearchParams } from './search-params'

const search = { kind: 'search' } as const
const params = (text: string) => new URLSearchParams(text)
/** Next hands the page its dynamic segment decoded. */
const keyOf = (path: string) => decodeURIComponent(path.split('/').at(-1) ?? '')

describe('listingRouteOf', () => {
  it('knows the bare search and category paths, and nothing below or beside them', () => {
    expect(listingRouteOf('/search')).toEqual(search)
    expect(listingRouteOf('/category/audio')).toEqual({ kind: 'category', slug: 'audio' })
    expect(listingRouteOf('/category/headphones-earbuds/')).toEqual({ kind: 'category', slug: 'headphones-earbuds' })
    expect(listingRouteOf('/search/r/-')).toBeNull()
    expect(listingRouteOf('/category/audio/r/-')).toBeNull()
    expect(listingRouteOf('/category/Not A Slug')).toBeNull()
    expect(listingRouteOf('/products/lamp')).toBeNull()
    expect(listingRouteOf('/searching')).toBeNull()
  })
})

describe('listingRewritePath', () => {
  it('sends the same search written differently to one cached path', () => {
    const a = listingRewritePath(search, params('q=cast+iron&page=1&max=100&min=20'))
    const b = listingRewritePath(search, params('min=20.00&q=%20cast%20%20iron%20&max=100&page=1&utm_source=mail&_rsc=abc'))
    expect(a).toBe(b)
    expect(a).toBe(`/search/r/${encodeURIComponent('q=cast+iron&min=20&max=100')}`)
  })

  it('sends different searches to different paths', () => {
    expect(listingRewritePath(search, params('q=lamp&page=2'))).not.toBe(listingRewritePath(search, params('q=lamp&page=3')))
    expect(listingRewritePath(search, params('q=lamp'))).not.toBe(listingRewritePath(search, params('q=lamp&in_stock=1')))
  })

  it('names the unfiltered first page "-", which the build prerenders', () => {
    expect(listingRewritePath(search, params(''))).toBe('/search/r/-')
    expect(listingRewritePath({ kind: 'category', slug: 'audio' }, params('page=1&sort=newest'))).toBe('/category/audio/r/-')
  })

  it('treats parameters named like an object’s own properties as unknown ones', () => {
    const odd = 'constructor=1&__proto__=x&toString&valueOf=2&hasOwnProperty=3&q=lamp'
    expect(listingRewritePath(search, params(odd))).toBe(listingRewritePath(search, params('q=lamp')))
    expect(listingRewritePath({ kind: 'category', slug: 'audio' }, params('toString'))).toBe('/category/audio/r/-')
    expect(queryFromListingKey('constructor=1&q=lamp')).toEqual(parseSearchParams({ q: 'lamp' }))
  })

  it('leaves the category out of a category page key: the path names it', () => {
    expect(listingRewritePath({ kind: 'category', slug: 'audio' }, params('category=kitchen&page=2'))).toBe(`/category/audio/r/${encodeURIComponent('page=2')}`)
  })
})

describe('queryFromListingKey', () => {
  it('gives back the normalized query, from a decoded or a still encoded key', () => {
    const raw = 'q=wireless "over ear" -cheap&category=audio&min=20&max=300&rating=4&in_stock=1&sort=price_asc&page=2'
    const expected = parseSearchParams(Object.fromEntries(params(raw)))
    const path = listingRewritePath(search, params(raw))
    expect(queryFromListingKey(keyOf(path))).toEqual(expected)
    expect(queryFromListingKey(path.split('/').at(-1) ?? '')).toEqual(expected)
  })

  it('keeps a percent sign or an ampersand typed into the search box', () => {
    const path = listingRewritePath(search, params(`q=${encodeURIComponent('100% cotton & linen')}`))
    expect(queryFromListingKey(keyOf(path)).q).toBe('100% cotton & linen')
  })

  it('reads a made-up key as the defaults, never an error', () => {
    expect(queryFromListingKey('-')).toEqual(parseSearchParams({}))
    expect(queryFromListingKey('%E0%A4%A')).toEqual(parseSearchParams({}))
    expect(queryFromListingKey('page=-4&sort=nonsense')).toEqual(parseSearchParams({}))
  })
})

describe('ListingSightings', () => {
  const load = { method: 'GET', prefetch: false, routerStateTree: null }
  const lamp = listingRewritePath(search, params('q=lamp'))
  const kettle = listingRewritePath(search, params('q=kettle'))
  // As the browser sends them with an action: the page a cached route rendered, and the request-time one.
  const cachedTree = encodeURIComponent(
    JSON.stringify(['', { children: ['(shop)', { children: ['search', { children: ['r', { children: [['key', 'q%3Dlamp', 'd', null], { children: ['__PAGE__', {}] }] }] }] }] }]),
  )
  const requestTimeTree = encodeURIComponent(JSON.stringify(['', { children: ['(shop)', { children: ['search', { children: ['__PAGE__', {}] }] }] }]))

  it('renders a listing at request time the first time, and serves it from the route cache after', () => {
    const sightings = new ListingSightings()
    expect(sightings.servedFromCache(lamp, load)).toBe(false)
    expect(sightings.servedFromCache(lamp, load)).toBe(true)
    expect(sightings.servedFromCache(lamp, { ...load, method: 'HEAD' })).toBe(true)
    expect(sightings.servedFromCache(kettle, load)).toBe(false)
  })

  it('always serves the default pages the build prerendered from the cache', () => {
    const sightings = new ListingSightings()
    expect(sightings.servedFromCache(listingRewritePath(search, params('')), load)).toBe(true)
    expect(sightings.servedFromCache(listingRewritePath({ kind: 'category', slug: 'audio' }, params('page=1')), load)).toBe(true)
    expect(sightings.servedFromCache(listingRewritePath({ kind: 'category', slug: 'audio' }, params('page=2')), load)).toBe(false)
  })

  it('does not count a hover prefetch as a visit', () => {
    const sightings = new ListingSightings()
    expect(sightings.servedFromCache(lamp, { ...load, prefetch: true })).toBe(false)
    expect(sightings.servedFromCache(lamp, load)).toBe(false)
    expect(sightings.servedFromCache(lamp, { ...load, prefetch: true })).toBe(true)
  })

  it('sends an action to the route that rendered the browser’s page, whatever has been seen', () => {
    const sightings = new ListingSightings()
    expect(sightings.servedFromCache(lamp, { method: 'POST', prefetch: false, routerStateTree: cachedTree })).toBe(true)
    sightings.servedFromCache(lamp, load)
    sightings.servedFromCache(lamp, load)
    expect(sightings.servedFromCache(lamp, { method: 'POST', prefetch: false, routerStateTree: requestTimeTree })).toBe(false)
    expect(sightings.servedFromCache(lamp, { method: 'POST', prefetch: false, routerStateTree: '%E0%A4%A' })).toBe(false)
  })

  it('answers a form posted without JavaScript by what was seen, without counting it', () => {
    const sightings = new ListingSightings()
    const post = { method: 'POST', prefetch: false, routerStateTree: null }
    expect(sightings.servedFromCache(lamp, post)).toBe(false)
    expect(sightings.servedFromCache(lamp, load)).toBe(false)
    expect(sightings.servedFromCache(lamp, post)).toBe(true)
  })

  it('forgets the listing seen least recently beyond its capacity', () => {
    const sightings = new ListingSightings(2)
    const yoga = listingRewritePath(search, params('q=yoga'))
    for (const path of [lamp, kettle, lamp, yoga]) sightings.servedFromCache(path, load)
    expect(sightings.servedFromCache(lamp, load)).toBe(true)
    expect(sightings.servedFromCache(kettle, load)).toBe(false)
  })
})
