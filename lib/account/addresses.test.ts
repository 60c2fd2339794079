import { describe, expect, it } from 'vitest'
import { createTestUser } from '@/lib/testing/auth'
import { deleteAddress, getAddress, getDefaultAddress, listAddresses, saveAddress, setDefaultAddress } from './addresses'
import { type AddressInput, addressSchema } from './validation'

const home: AddressInput = {
  fullName: 'Ada Lovelace',
  line1: '12 St James’s Square',
  line2: '',
  city: 'London',
  region: '',
  postalCode: 'SW1Y 4JH',
  country: 'GB',
  phone: '+44 20 7946 0000',
  isDefault: false,
}

async function defaults(userId: string) {
  return (await listAddresses(userId)).filter((address) => address.isDefault).map((address) => address.id)
}

describe('address book', () => {
  it('makes the first address the default, and keeps exactly one default', async () => {
    const user = await createTestUser()
    const first = await saveAddress(user.id, null, home)
    const second = await saveAddress(user.id, null, { ...home, line1: '1 Other Street' })
    expect(first).toEqual(expect.any(Number))
    expect(await defaults(user.id)).toEqual([first])

    const third = await saveAddress(user.id, null, { ...home, line1: '3 Third Road', isDefault: true })
    expect(await defaults(user.id)).toEqual([third])

    expect(await setDefaultAddress(user.id, second ?? 0)).toBe(true)
    expect(await defaults(user.id)).toEqual([second])
    expect((await getDefaultAddress(user.id))?.id).toBe(second)
    expect(await listAddresses(user.id)).toHaveLength(3)
  })

  it('promotes the oldest remaining address when the default is deleted', async () => {
    const user = await createTestUser()
    const first = await saveAddress(user.id, null, home)
    const second = await saveAddress(user.id, null, { ...home, line1: 'Second' })
    const third = await saveAddress(user.id, null, { ...home, line1: 'Third' })
    await setDefaultAddress(user.id, third ?? 0)
    expect(await deleteAddress(user.id, third ?? 0)).toBe(true)
    expect(await defaults(user.id)).toEqual([first])
    expect(await deleteAddress(user.id, first ?? 0)).toBe(true)
    expect(await defaults(user.id)).toEqual([second])
    expect(await deleteAddress(user.id, second ?? 0)).toBe(true)
    expect(await listAddresses(user.id)).toEqual([])
  })

  it('keeps the only address the default when it is edited', async () => {
    const user = await createTestUser()
    const only = await saveAddress(user.id, null, home)
    expect(await saveAddress(user.id, only, { ...home, city: 'Bath', isDefault: false })).toBe(only)
    expect(await getAddress(user.id, only ?? 0)).toMatchObject({ city: 'Bath', isDefault: true })
  })

  it('never reads or changes another user’s address', async () => {
    const owner = await createTestUser()
    const intruder = await createTestUser()
    const theirs = (await saveAddress(owner.id, null, home)) ?? 0
    const mine = await saveAddress(intruder.id, null, { ...home, fullName: 'Intruder' })
    const before = await getAddress(owner.id, theirs)

    expect(await getAddress(intruder.id, theirs)).toBeNull()
    expect(await saveAddress(intruder.id, theirs, { ...home, line1: 'Hijacked', isDefault: true })).toBeNull()
    expect(await setDefaultAddress(intruder.id, theirs)).toBe(false)
    expect(await deleteAddress(intruder.id, theirs)).toBe(false)

    expect(await getAddress(owner.id, theirs)).toEqual(before)
    expect(await defaults(owner.id)).toEqual([theirs])
    expect(await defaults(intruder.id)).toEqual([mine])
  })
})

describe('address validation', () => {
  const form = { ...home, isDefault: undefined }
  function errors(input: Record<string, unknown>) {
    const result = addressSchema.safeParse(input)
    expect(result.success).toBe(false)
    return result.success ? {} : result.error.flatten().fieldErrors
  }

  it('accepts a complete address and normalises it', () => {
    expect(addressSchema.parse({ ...form, country: ' gb ', fullName: '  Ada  ', isDefault: 'on' })).toMatchObject({
      country: 'GB',
      fullName: 'Ada',
      isDefault: true,
    })
    expect(addressSchema.parse({ fullName: 'A', line1: 'B', city: 'C', postalCode: 'D', country: 'US' })).toMatchObject({ line2: '', phone: '', isDefault: false })
  })

  it('reports each missing required field', () => {
    expect(errors({})).toEqual({
      fullName: ['Enter the recipient’s name.'],
      line1: ['Enter the street address.'],
      city: ['Enter the city.'],
      postalCode: ['Enter the postal code.'],
      country: ['Choose a country.'],
    })
    expect(errors({ ...form, fullName: '   ' }).fullName).toEqual(['Enter the recipient’s name.'])
  })

  it.each(['', 'GBR', 'G1', 'Ü1', 'United Kingdom'])('refuses the country %j', (country) => {
    expect(errors({ ...form, country }).country).toEqual(['Choose a country.'])
  })

  it('refuses overlong fields, control characters and letters in phone numbers', () => {
    expect(errors({ ...form, fullName: 'x'.repeat(101) }).fullName).toEqual(['Use at most 100 characters for the recipient’s name.'])
    expect(errors({ ...form, line1: 'x'.repeat(10_000) }).line1?.[0]).toMatch(/at most 200 characters/)
    expect(errors({ ...form, postalCode: '1'.repeat(21) }).postalCode?.[0]).toMatch(/at most 20 characters/)
    expect(errors({ ...form, city: 'London\u0000' }).city).toEqual(['Remove control characters from the city.'])
    expect(errors({ ...form, phone: 'call me' }).phone?.[0]).toMatch(/digits/)
    expect(errors({ ...form, isDefault: 'yes please' }).isDefault).toBeDefined()
  })
})
