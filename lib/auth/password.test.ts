import { describe, expect, it } from 'vitest'
import { ARGON2_OPTIONS, hashPassword, verifyPassword } from './password'

describe('password hashing', () => {
  it('stores argon2id with the OWASP parameters and verifies only the right password', async () => {
    const hash = await hashPassword('Correct horse battery 42')
    expect(hash.startsWith('$argon2id$v=19$m=19456,t=2,p=1$')).toBe(true)
    expect(ARGON2_OPTIONS).toMatchObject({ memoryCost: 19_456, timeCost: 2, parallelism: 1 })
    await expect(verifyPassword(hash, 'Correct horse battery 42')).resolves.toBe(true)
    await expect(verifyPassword(hash, 'correct horse battery 42')).resolves.toBe(false)
    await expect(verifyPassword(hash, '')).resolves.toBe(false)
  })

  it('salts every hash', async () => {
    const [a, b] = await Promise.all([hashPassword('same password here'), hashPassword('same password here')])
    expect(a).not.toBe(b)
  })

  it('never throws: a missing or corrupt hash is a wrong password', async () => {
    await expect(verifyPassword(null, 'decoy password that never matches anything')).resolves.toBe(false)
    await expect(verifyPassword(null, 'anything at all')).resolves.toBe(false)
    await expect(verifyPassword('not a hash', 'anything at all')).resolves.toBe(false)
    await expect(verifyPassword('$argon2id$v=19$m=19456,t=2,p=1$broken', 'anything at all')).resolves.toBe(false)
    await expect(verifyPassword('', 'anything at all')).resolves.toBe(false)
  })
})
