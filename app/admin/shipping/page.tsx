import type { Metadata } from 'next'
import { Badge, EmptyState, PageHeader, Panel } from '@/components/admin/ui'
import { DeleteMethodForm, DeleteZoneForm, MethodForm, ZoneForm } from '@/components/admin/shipping-forms'
import { shippingCountries } from '@/lib/account/validation'
import { requireAdmin } from '@/lib/auth/session'
import { formatMoney, toMajorUnitsString } from '@/lib/money'
import { listShippingZones } from '@/lib/shipping/queries'
import { deliveryEstimate, formatBands } from '@/lib/shipping/rates'
import { countryName } from '@/lib/shipping/validation'

export const metadata: Metadata = { title: 'Shipping' }
export const instant = false

export default async function AdminShippingPage() {
  await requireAdmin('/admin/shipping')
  const zones = await listShippingZones()
  return (
    <div className="flex flex-col gap-6">
      <PageHeader title="Shipping" />
      <p className="max-w-3xl text-sm text-zinc-700">
        Shoppers see the active methods of the zone holding their country, and Stripe Checkout only accepts addresses in that zone. A country belongs to one
        zone; a country in no zone cannot order.
      </p>
      {zones.length === 0 && <EmptyState>No shipping zones: nobody can check out until you create one.</EmptyState>}
      {zones.map((zone) => (
        <Panel key={zone.id} title={`Zone: ${zone.name}`}>
          <p className="text-sm text-zinc-700">Ships to {zone.countries.map(countryName).join(', ') || 'no country yet'}.</p>
          <ul className="flex flex-col gap-3" aria-label={`Methods of ${zone.name}`}>
            {zone.methods.map((method) => (
              <li key={method.id} className="rounded-lg border border-zinc-200 p-3">
                <details>
                  <summary className="cursor-pointer">
                    <span className="font-medium">{method.name}</span>{' '}
                    <span className="text-sm text-zinc-700">
                      {method.bandBasis ? `by ${method.bandBasis}` : formatMoney(method.priceCents)}
                      {method.freeOverCents !== null && `, free from ${formatMoney(method.freeOverCents)}`} · {deliveryEstimate(method)}
                    </span>{' '}
                    {!method.active && <Badge tone="grey">Not offered</Badge>}
                  </summary>
                  <div className="mt-3 flex flex-col gap-3">
                    <MethodForm
                      zoneId={zone.id}
                      method={{
                        id: method.id,
                        name: method.name,
                        price: toMajorUnitsString(method.priceCents),
                        freeOver: method.freeOverCents === null ? '' : toMajorUnitsString(method.freeOverCents),
                        bandBasis: method.bandBasis ?? '',
                        bands: formatBands(method.bands, method.bandBasis),
                        minDeliveryDays: method.minDeliveryDays,
                        maxDeliveryDays: method.maxDeliveryDays,
                        active: method.active,
                      }}
                    />
                    <DeleteMethodForm method={method} />
                  </div>
                </details>
              </li>
            ))}
          </ul>
          <details className="rounded-lg border border-dashed border-zinc-300 p-3">
            <summary className="cursor-pointer font-medium">Add a method to {zone.name}</summary>
            <div className="mt-3">
              <MethodForm zoneId={zone.id} />
            </div>
          </details>
          <details className="rounded-lg border border-dashed border-zinc-300 p-3">
            <summary className="cursor-pointer font-medium">Edit or delete zone {zone.name}</summary>
            <div className="mt-3 flex flex-col gap-4">
              <ZoneForm countries={shippingCountries} zone={zone} />
              <DeleteZoneForm zone={zone} />
            </div>
          </details>
        </Panel>
      ))}
      <Panel title="New zone">
        <ZoneForm countries={shippingCountries} />
      </Panel>
    </div>
  )
}
