import { shippingCountries } from '@/lib/account/validation'

type Address = {
  fullName: string
  line1: string
  line2: string
  city: string
  region: string
  postalCode: string
  country: string
  phone: string
}

export function countryName(code: string) {
  return shippingCountries.find(([value]) => value === code)?.[1] ?? code
}

/** A postal address as the lines of an envelope. */
export function AddressLines({ address }: { address: Address }) {
  const cityLine = [address.postalCode, address.city, address.region].filter(Boolean).join(' ')
  return (
    <address className="text-sm leading-6 text-zinc-700 not-italic">
      <span className="block font-medium text-zinc-900">{address.fullName}</span>
      <span className="block">{address.line1}</span>
      {address.line2 && <span className="block">{address.line2}</span>}
      <span className="block">{cityLine}</span>
      <span className="block">{countryName(address.country)}</span>
      {address.phone && <span className="block">{address.phone}</span>}
    </address>
  )
}
