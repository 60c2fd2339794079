import { describe, expect, it } from 'vitest'
import { formatMoney, parseMajorUnits, toMajorUnitsString } from './money'

describe('formatMoney', () => {
  it('formats USD by default', () => {
    expect(formatMoney(1250)).toBe('$12.50')
    expect(formatMoney(1999, 'USD')).toBe('$19.99')
    expect(formatMoney(123456789)).toBe('$1,234,567.89')
    expect(formatMoney(5)).toBe('$0.05')
  })

  it('formats other currencies with their symbol', () => {
    expect(formatMoney(1250, 'EUR')).toBe('€12.50')
    expect(formatMoney(1999, 'GBP')).toBe('£19.99')
    // Cached formatters do not leak between currencies.
    expect(formatMoney(1250, 'USD')).toBe('$12.50')
  })

  it('formats zero', () => {
    expect(formatMoney(0)).toBe('$0.00')
    expect(formatMoney(0, 'EUR')).toBe('€0.00')
  })

  it('formats negative amounts', () => {
    expect(formatMoney(-1250)).toBe('-$12.50')
    expect(formatMoney(-5, 'EUR')).toBe('-€0.05')
  })

  it('throws on an invalid currency code', () => {
    expect(() => formatMoney(100, 'not-a-currency')).toThrow(RangeError)
  })
})

describe('parseMajorUnits', () => {
  it.each([
    ['12', 1200],
    ['12.5', 1250],
    ['12.50', 1250],
    ['12.05', 1205],
    ['0', 0],
    ['0.01', 1],
    ['007', 700],
    [' 12.99 ', 1299],
    ['999999999.99', 99_999_999_999],
  ])('parses %j as %i cents', (input, cents) => {
    expect(parseMajorUnits(input)).toBe(cents)
  })

  it.each([
    [''],
    [' '],
    ['-5'],
    ['+5'],
    ['1e3'],
    ['1e999'],
    ['12.345'],
    ['12.'],
    ['.5'],
    ['1,000'],
    ['1 000'],
    ['$12'],
    ['12 USD'],
    ['abc'],
    ['NaN'],
    ['Infinity'],
    ['0x10'],
    ['1234567890'],
    ['１２'],
  ])('rejects %j', (input) => {
    expect(parseMajorUnits(input)).toBeNull()
  })

  it('involves no floating point error', () => {
    expect(parseMajorUnits('0.29')).toBe(29)
    expect(parseMajorUnits('1.15')).toBe(115)
    expect(parseMajorUnits('4.35')).toBe(435)
  })
})

describe('toMajorUnitsString', () => {
  it.each([
    [1250, '12.50'],
    [1200, '12'],
    [1205, '12.05'],
    [5, '0.05'],
    [99, '0.99'],
    [0, '0'],
    [100, '1'],
    [2_147_483_647, '21474836.47'],
    [-1250, '-12.50'],
    [-5, '-0.05'],
    [-1200, '-12'],
  ])('writes %i cents as %j', (cents, text) => {
    expect(toMajorUnitsString(cents)).toBe(text)
  })

  it('round-trips through parseMajorUnits for non-negative amounts', () => {
    for (const cents of [0, 1, 9, 10, 99, 100, 101, 1250, 9999, 123456, 2_147_483_647]) {
      expect(parseMajorUnits(toMajorUnitsString(cents))).toBe(cents)
    }
  })
})
