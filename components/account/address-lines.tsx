import { formatAddressLines, type PostalAddress } from '@/lib/address-format'

/** A postal address as the lines of an envelope, written the way its country writes it. */
export function AddressLines({ address, phone = true, className }: { address: PostalAddress; phone?: boolean; className?: string }) {
  const lines = formatAddressLines(address, { phone })
  return (
    <address className={className ?? 'text-sm leading-6 text-zinc-700 not-italic'}>
      {lines.map((line, index) => (
        <span key={index} className={index === 0 && address.fullName ? 'block font-medium text-zinc-900' : 'block'}>
          {line}
        </span>
      ))}
    </address>
  )
}
