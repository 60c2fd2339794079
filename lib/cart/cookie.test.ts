import { describe, expect, it } from 'vitest'
import { cartCookieIsSecure } from './cookie'

describe('cartCookieIsSecure', () => {
  it('is Secure for an https request even when SITE_URL is unset or http', () => {
    // The old rule looked at SITE_URL only: a shop served over https without SITE_URL sent a plain cookie.
    expect(cartCookieIsSecure({ forwardedProto: 'https', siteUrl: 'http://localhost:3000', production: true })).toBe(true)
    expect(cartCookieIsSecure({ forwardedProto: 'https', siteUrl: 'http://localhost:3000', production: false })).toBe(true)
    // Proxies may list several hops; the first is the client's.
    expect(cartCookieIsSecure({ forwardedProto: 'https, http', siteUrl: 'http://localhost:3000', production: true })).toBe(true)
  })

  it('is Secure in production when the shop URL is https, whatever the request says', () => {
    expect(cartCookieIsSecure({ forwardedProto: 'http', siteUrl: 'https://shop.example', production: true })).toBe(true)
    expect(cartCookieIsSecure({ forwardedProto: null, siteUrl: 'https://shop.example', production: true })).toBe(true)
  })

  it('is not Secure over plain http where the shop is not on https', () => {
    expect(cartCookieIsSecure({ forwardedProto: 'http', siteUrl: 'http://127.0.0.1:3100', production: true })).toBe(false)
    expect(cartCookieIsSecure({ forwardedProto: 'http', siteUrl: 'https://shop.example', production: false })).toBe(false)
    expect(cartCookieIsSecure({ forwardedProto: null, siteUrl: 'http://localhost:3000', production: false })).toBe(false)
  })
})
