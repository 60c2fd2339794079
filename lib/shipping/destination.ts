import 'server-only'
import { getDefaultAddress } from '@/lib/account/addresses'
import { type Destination, destinationSchema } from './validation'

/** Where a shopper ships to when nothing says otherwise: the shop's home country. */
export const HOME_COUNTRY = 'US'

/**
 * The destination the cart prices for: what the shopper picked (the cart's country picker, in the
 * URL), else their default address, else the shop's home country. A malformed pick is ignored.
 */
export async function cartDestination(picked: { country?: unknown; region?: unknown }, userId: string | null): Promise<Destination> {
  const chosen = destinationSchema.safeParse({ country: picked.country, region: picked.region ?? '' })
  if (chosen.success) return chosen.data
  const address = userId ? await getDefaultAddress(userId) : null
  if (address) {
    const saved = destinationSchema.safeParse({ country: address.country, region: address.region })
    if (saved.success) return saved.data
  }
  return { country: HOME_COUNTRY, region: '' }
}
