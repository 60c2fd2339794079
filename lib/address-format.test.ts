import { describe, expect, it } from 'vitest'
import { countryName, formatAddressInline, formatAddressLines } from './address-format'

const base = { fullName: 'Dana Reyes', line1: '1200 NW Everett St', line2: 'Apt 4', phone: '+1 503 555 0100' }

describe('formatAddressLines', () => {
  it('writes a US address with its state and the country name', () => {
    expect(formatAddressLines({ ...base, city: 'Portland', region: 'OR', postalCode: '97201', country: 'US' })).toEqual([
      'Dana Reyes',
      '1200 NW Everett St',
      'Apt 4',
      'Portland, OR 97201',
      'United States',
    ])
  })

  it('puts the postal code first in Germany and on its own line in the UK', () => {
    expect(formatAddressLines({ fullName: 'Jonas Weber', line1: 'Invalidenstraße 117', city: 'Berlin', region: '', postalCode: '10115', country: 'DE' })).toEqual([
      'Jonas Weber',
      'Invalidenstraße 117',
      '10115 Berlin',
      'Germany',
    ])
    expect(formatAddressLines({ line1: '10 Downing Street', city: 'London', postalCode: 'SW1A 2AA', country: 'GB' })).toEqual(['10 Downing Street', 'London', 'SW1A 2AA', 'United Kingdom'])
  })

  it('writes Canadian and Australian localities their way', () => {
    expect(formatAddressLines({ line1: '1 Rue Sainte-Catherine', city: 'Montréal', region: 'QC', postalCode: 'H2X 1Z4', country: 'CA' })).toContain('Montréal, QC H2X 1Z4')
    expect(formatAddressLines({ line1: '1 George St', city: 'Sydney', region: 'NSW', postalCode: '2000', country: 'AU' })).toContain('Sydney NSW 2000')
  })

  it('leaves out empty parts and adds the phone only when asked', () => {
    const lines = formatAddressLines({ ...base, line2: '', city: 'Portland', region: '', postalCode: '97201', country: 'US' }, { phone: true })
    expect(lines).toEqual(['Dana Reyes', '1200 NW Everett St', 'Portland 97201', 'United States', '+1 503 555 0100'])
    expect(lines.join('\n')).not.toMatch(/^\s*$/m)
  })

  it('gives one line for emails', () => {
    expect(formatAddressInline({ ...base, city: 'Portland', region: 'OR', postalCode: '97201', country: 'US' })).toBe('Dana Reyes, 1200 NW Everett St, Apt 4, Portland, OR 97201, United States')
  })
})

describe('countryName', () => {
  it('names countries in English and leaves unknown codes alone', () => {
    expect(countryName('US')).toBe('United States')
    expect(countryName('nl')).toBe('Netherlands')
    expect(countryName('Atlantis')).toBe('Atlantis')
  })
})
