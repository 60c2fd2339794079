import { describe, expect, it } from 'vitest'
import { callbackUrlSchema, emailSchema, loginSchema, passwordSchema, registerSchema, resetPasswordSchema } from './validation'

const valid = { name: 'Ada Lovelace', email: 'ada@example.com', password: 'Analytical engine 1843' }

function fieldErrors(input: unknown) {
  const result = registerSchema.safeParse(input)
  expect(result.success).toBe(false)
  return result.success ? {} : result.error.flatten().fieldErrors
}

describe('registration validation', () => {
  it('accepts a good registration and lower-cases the email', () => {
    expect(registerSchema.parse({ ...valid, email: '  Ada.Lovelace@Example.COM ' })).toEqual({ ...valid, email: 'ada.lovelace@example.com' })
  })

  it.each(['no-at-sign', 'a@b', 'a @b.com', '@example.com', 'ada@', 'ada@@example.com'])('refuses the malformed email %j', (email) => {
    expect(fieldErrors({ ...valid, email }).email?.[0]).toMatch(/email address/i)
  })

  it('refuses a look-alike email written with a Cyrillic letter', () => {
    const email = '\u0430dmin@example.com' // "аdmin" with U+0430 CYRILLIC SMALL LETTER A
    expect(email).not.toBe('admin@example.com')
    expect(fieldErrors({ ...valid, email }).email).toEqual(['Use an email address written in plain Latin letters and digits.'])
    expect(emailSchema.safeParse('ädmin@example.com').success).toBe(false)
  })

  it('refuses a 10,000-character name with a clear message', () => {
    expect(fieldErrors({ ...valid, name: 'x'.repeat(10_000) }).name).toEqual(['Names can be at most 100 characters.'])
  })

  it.each(['Ada\u0000', 'Ada\nLovelace', 'Ada\u007f', 'Ada\u001b[31m', '<script>'])('refuses the name %j', (name) => {
    expect(fieldErrors({ ...valid, name }).name).toEqual(['Names cannot contain control characters or < >.'])
  })

  it('reports every missing field with a message instead of crashing', () => {
    const errors = fieldErrors({})
    expect(errors.name).toEqual(['Enter your name.'])
    expect(errors.email).toEqual(['Enter your email address.'])
    expect(errors.password).toEqual(['Enter a password.'])
    expect(fieldErrors({ name: '   ', email: '   ', password: '' })).toMatchObject({ name: ['Enter your name.'], email: ['Enter your email address.'] })
    expect(fieldErrors({ ...valid, email: 42 }).email).toEqual(['Enter your email address.'])
  })

  it('refuses passwords under 10 characters', () => {
    expect(fieldErrors({ ...valid, password: 'Xk9#mQ2$p' }).password).toEqual(['Use at least 10 characters.'])
    expect(passwordSchema.safeParse('Xk9#mQ2$pL').success).toBe(true)
    expect(passwordSchema.safeParse('x'.repeat(257)).success).toBe(false)
  })

  it.each(['password123', 'Qwertyuiop', 'PASSWORD123', 'abcdefghijk', 'kjihgfedcba', '0123456789a'.slice(0, 10), 'aaaaaaaaaaaa', 'ZZZZZZZZZZ'])('refuses the guessable password %j', (password) => {
    expect(fieldErrors({ ...valid, password }).password).toEqual(['That password is too common. Choose something harder to guess.'])
  })

  it('login and reset forms report missing fields as messages', () => {
    const login = loginSchema.safeParse({})
    expect(login.success ? null : login.error.flatten().fieldErrors).toEqual({ email: ['Enter your email address.'], password: ['Enter your password.'] })
    const reset = resetPasswordSchema.safeParse({ token: 'short', password: 'Analytical engine 1843', confirmPassword: 'other' })
    expect(reset.success ? null : reset.error.flatten().fieldErrors).toEqual({
      token: ['This link is invalid. Request a new one.'],
      confirmPassword: ['The two passwords do not match.'],
    })
  })
})

describe('callbackUrlSchema', () => {
  it.each(['/account/profile', '/account', '/products/some-thing?x=1#top'])('keeps the local path %j', (url) => {
    expect(callbackUrlSchema.parse(url)).toBe(url)
  })

  it.each([
    'https://evil.example',
    '//evil.example',
    '/\\evil',
    'javascript:alert(1)',
    'evil.example',
    '',
    // Browsers delete tabs and newlines from URLs, which turns these into //evil.example.
    '/\t/evil.example',
    '/\n/evil.example',
    '/\r\\evil.example',
  ])('replaces %j with /account', (url) => {
    expect(callbackUrlSchema.parse(url)).toBe('/account')
  })

  it('falls back to /account for anything that is not a string', () => {
    expect(callbackUrlSchema.parse(undefined)).toBe('/account')
    expect(callbackUrlSchema.parse(null)).toBe('/account')
    expect(callbackUrlSchema.parse(`/${'a'.repeat(2000)}`)).toBe('/account')
  })
})
