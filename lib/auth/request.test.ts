import { describe, expect, it } from 'vitest'
import { clientIpFrom, UNKNOWN_CLIENT_IP } from './request'

const selfHosted = { vercel: false, proxyHops: 0 }
const oneProxy = { vercel: false, proxyHops: 1 }
const twoProxies = { vercel: false, proxyHops: 2 }
const vercel = { vercel: true, proxyHops: 0 }

function ipOf(headers: Record<string, string>, trust: typeof selfHosted) {
  return clientIpFrom(new Headers(headers), trust)
}

describe('clientIpFrom', () => {
  it('without a configured proxy, trusts no header a client can write: everyone shares one bucket', () => {
    // Under `next start` with no proxy, X-Forwarded-For is the socket address only when the
    // client sent none; a forged one is kept as sent, so it must not name the client.
    const forgeries: Record<string, string>[] = [
      { 'x-forwarded-for': '203.0.113.7' },
      { 'x-real-ip': '203.0.113.8' },
      { 'x-vercel-forwarded-for': '203.0.113.9' },
      { 'x-forwarded-for': '198.51.100.1, 203.0.113.7', 'x-real-ip': '203.0.113.8' },
      {},
    ]
    for (const headers of forgeries) {
      expect(ipOf(headers, selfHosted)).toBe(UNKNOWN_CLIENT_IP)
    }
  })

  it('behind N trusted proxies takes the Nth X-Forwarded-For entry from the right, ignoring x-real-ip', () => {
    const forged = '198.51.100.1'
    expect(ipOf({ 'x-forwarded-for': `${forged}, 203.0.113.7`, 'x-real-ip': forged }, oneProxy)).toBe('203.0.113.7')
    expect(ipOf({ 'x-forwarded-for': '203.0.113.7' }, oneProxy)).toBe('203.0.113.7')
    // The outer proxy appended the client, the inner one appended the outer proxy.
    expect(ipOf({ 'x-forwarded-for': `${forged}, 203.0.113.7, 10.0.0.2` }, twoProxies)).toBe('203.0.113.7')
    // Fewer entries than proxies: the request skipped one, so nothing names the client.
    expect(ipOf({ 'x-forwarded-for': '203.0.113.7' }, twoProxies)).toBe(UNKNOWN_CLIENT_IP)
    expect(ipOf({ 'x-real-ip': '203.0.113.8' }, oneProxy)).toBe(UNKNOWN_CLIENT_IP)
  })

  it('a rotating forged prefix never changes the answer behind a trusted proxy', () => {
    const seen = new Set<string>()
    for (let index = 0; index < 50; index++) {
      seen.add(ipOf({ 'x-forwarded-for': `10.0.${index}.1, 203.0.113.7`, 'x-real-ip': `10.1.${index}.1` }, oneProxy))
    }
    expect([...seen]).toEqual(['203.0.113.7'])
  })

  it('on Vercel reads Vercel’s own headers, which the platform overwrites', () => {
    expect(ipOf({ 'x-vercel-forwarded-for': '203.0.113.7', 'x-real-ip': '203.0.113.8', 'x-forwarded-for': '198.51.100.1' }, vercel)).toBe('203.0.113.7')
    expect(ipOf({ 'x-real-ip': '203.0.113.8', 'x-forwarded-for': '198.51.100.1' }, vercel)).toBe('203.0.113.8')
    expect(ipOf({ 'x-forwarded-for': '198.51.100.1' }, vercel)).toBe(UNKNOWN_CLIENT_IP)
  })

  it('bounds what it returns', () => {
    expect(ipOf({ 'x-forwarded-for': 'x'.repeat(500) }, oneProxy)).toHaveLength(64)
  })
})
