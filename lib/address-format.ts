/**
 * Postal addresses printed the way each country writes them, ending with the country's name:
 * "Portland, OR 97201 / United States", "10115 Berlin / Germany", "London / SW1A 1AA / United
 * Kingdom". The one formatter for every page and email that shows an address.
 */

export type PostalAddress = {
  fullName?: string | null
  line1: string
  line2?: string | null
  city: string
  region?: string | null
  postalCode: string
  country: string
  phone?: string | null
}

const regionNames = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'code' })

/** "US" → "United States"; an unknown code is shown as given. */
export function countryName(code: string): string {
  const upper = code.trim().toUpperCase()
  if (!/^[A-Z]{2}$/.test(upper)) return code
  try {
    return regionNames.of(upper) ?? code
  } catch {
    return code
  }
}

const join = (parts: (string | null | undefined)[], separator = ' ') =>
  parts
    .map((part) => part?.trim())
    .filter(Boolean)
    .join(separator)

/** The lines between the street and the country, by the country's convention. */
function localityLines(address: PostalAddress): string[] {
  const { city, region, postalCode } = address
  switch (address.country.toUpperCase()) {
    // City, ST 97201
    case 'US':
    case 'CA':
      return [join([join([city, region], ', '), postalCode])]
    // City ST 2000
    case 'AU':
      return [join([city, region, postalCode])]
    // Town, then postcode on its own line
    case 'GB':
    case 'IE':
      return [join([city, region], ', '), postalCode]
    // City 6011
    case 'NZ':
      return [join([city, postalCode])]
    // 10115 Berlin (region, if any, on its own line)
    default:
      return [join([postalCode, city]), region ?? '']
  }
}

/** The address as the lines of an envelope, without empty lines. */
export function formatAddressLines(address: PostalAddress, options: { phone?: boolean } = {}): string[] {
  return [address.fullName, address.line1, address.line2, ...localityLines(address), countryName(address.country), options.phone ? address.phone : null]
    .map((line) => line?.trim() ?? '')
    .filter(Boolean)
}

/** The address on one line (emails, CSV exports). */
export function formatAddressInline(address: PostalAddress): string {
  return formatAddressLines(address).join(', ')
}
