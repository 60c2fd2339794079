import { describe, expect, it } from 'vitest'
import { isCrossOriginPagePost, isMalformedMultipart, isMalformedPath, isMalformedRouterState, isUnsupportedPageMethod } from './request-guards'

describe('isMalformedPath', () => {
  it('flags percent escapes that are not UTF-8', () => {
    for (const path of ['/products/abc%ff', '/category/%ff', '/orders/%c3%28', '/products/%E0%A4%A']) {
      expect(isMalformedPath(path), path).toBe(true)
    }
  })

  it('accepts ordinary and correctly encoded paths', () => {
    for (const path of ['/', '/products/nimbus-lip-balm', '/search', '/products/caf%C3%A9', '/orders/10001']) {
      expect(isMalformedPath(path), path).toBe(false)
    }
  })
})

describe('isCrossOriginPagePost', () => {
  const post = (headers: Record<string, string>, pathname = '/products/x') => ({ method: 'POST', pathname, headers: new Headers(headers) })

  it('refuses an action posted from another site', () => {
    expect(isCrossOriginPagePost(post({ origin: 'https://evil.example', host: 'shop.example', 'next-action': 'abc' }))).toBe(true)
    expect(isCrossOriginPagePost(post({ origin: 'null', host: 'shop.example', 'next-action': 'abc' }))).toBe(true)
    // A form posted without JavaScript carries no Next-Action header.
    expect(isCrossOriginPagePost(post({ origin: 'https://evil.example', host: 'shop.example', 'content-type': 'multipart/form-data' }))).toBe(true)
  })

  it('compares with X-Forwarded-Host when a proxy set it', () => {
    expect(isCrossOriginPagePost(post({ origin: 'https://shop.example', host: 'internal:3000', 'x-forwarded-host': 'shop.example', 'next-action': 'a' }))).toBe(false)
    expect(isCrossOriginPagePost(post({ origin: 'https://internal:3000', host: 'internal:3000', 'x-forwarded-host': 'shop.example', 'next-action': 'a' }))).toBe(true)
  })

  it('lets same-origin posts, GETs, origin-less requests and webhooks through', () => {
    expect(isCrossOriginPagePost(post({ origin: 'http://127.0.0.1:3000', host: '127.0.0.1:3000', 'next-action': 'a' }))).toBe(false)
    expect(isCrossOriginPagePost({ method: 'GET', pathname: '/', headers: new Headers({ origin: 'https://evil.example', host: 'shop.example' }) })).toBe(false)
    expect(isCrossOriginPagePost(post({ host: 'shop.example', 'next-action': 'a' }))).toBe(false)
    expect(isCrossOriginPagePost(post({ origin: 'https://stripe.com', host: 'shop.example' }, '/api/webhooks/stripe'))).toBe(false)
  })
})

describe('isUnsupportedPageMethod', () => {
  it('lets pages answer GET, HEAD and POST only, and leaves /api routes their own methods', () => {
    for (const method of ['PUT', 'DELETE', 'PATCH', 'OPTIONS']) expect(isUnsupportedPageMethod(method, '/products/nope'), method).toBe(true)
    for (const method of ['GET', 'HEAD', 'POST']) expect(isUnsupportedPageMethod(method, '/cart'), method).toBe(false)
    expect(isUnsupportedPageMethod('DELETE', '/api/cart')).toBe(false)
  })
})

describe('isMalformedRouterState', () => {
  it('accepts the router’s own header and no header, refuses anything else', () => {
    const tree = encodeURIComponent(JSON.stringify(['', { children: ['cart', {}, null, null] }, null, null, true]))
    expect(isMalformedRouterState(new Headers({ 'next-router-state-tree': tree }))).toBe(false)
    expect(isMalformedRouterState(new Headers())).toBe(false)
    for (const value of ['garbage', '%ff', encodeURIComponent('[""]'), encodeURIComponent('{"a":1}'), encodeURIComponent('["", 3]')]) {
      expect(isMalformedRouterState(new Headers({ 'next-router-state-tree': value })), value).toBe(true)
    }
  })
})

describe('isMalformedMultipart', () => {
  it('refuses a multipart form without a boundary or whose body does not open with it', () => {
    const body = '------x\r\nContent-Disposition: form-data; name="quantity"\r\n\r\n1\r\n------x--'
    expect(isMalformedMultipart('multipart/form-data; boundary=----x', body)).toBe(false)
    expect(isMalformedMultipart('multipart/form-data; boundary="----x"', `\r\n${body}`)).toBe(false)
    expect(isMalformedMultipart('multipart/form-data; boundary=x', 'garbage')).toBe(true)
    expect(isMalformedMultipart('multipart/form-data', body)).toBe(true)
    expect(isMalformedMultipart('text/plain;charset=UTF-8', '[]')).toBe(false)
    expect(isMalformedMultipart(null, '')).toBe(false)
  })
})
