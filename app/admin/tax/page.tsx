import type { Metadata } from 'next'
import { CategoryTaxForm, DeleteTaxRateForm, TaxRateForm } from '@/components/admin/tax-forms'
import { DataTable, EmptyState, PageHeader, Panel, tdClass } from '@/components/admin/ui'
import { shippingCountries } from '@/lib/account/validation'
import { requireAdmin } from '@/lib/auth/session'
import { pricesIncludeTax, taxMode } from '@/lib/env'
import { formatRate } from '@/lib/pricing/tax'
import { destinationName } from '@/lib/shipping/validation'
import { listCategoryTax, listTaxRates } from '@/lib/tax/queries'

export const metadata: Metadata = { title: 'Tax' }
export const instant = false

export default async function AdminTaxPage() {
  await requireAdmin('/admin/tax')
  const [rates, categories] = await Promise.all([listTaxRates(), listCategoryTax()])
  return (
    <div className="flex flex-col gap-6">
      <PageHeader title="Tax" />
      <p className="max-w-3xl text-sm text-zinc-700" data-testid="tax-mode">
        {taxMode === 'stripe'
          ? 'Stripe Tax computes tax on the payment page (STRIPE_TAX=true); the rates below are not used. Stripe tax codes per category are.'
          : 'Tax comes from the rates below, by the destination chosen in the cart: the region’s rate if it has one, else the country’s; no rate, no tax.'}{' '}
        Prices are entered {pricesIncludeTax ? 'including' : 'excluding'} tax (PRICES_INCLUDE_TAX={String(pricesIncludeTax)}).
      </p>
      <Panel title="Rates">
        {rates.length === 0 ? (
          <EmptyState>No tax rates: orders carry no tax.</EmptyState>
        ) : (
          <DataTable columns={['Place', 'Name', 'Rate', 'Shipping', '']}>
            {rates.map((rate) => {
              const label = destinationName(rate)
              return (
                <tr key={rate.id}>
                  <td className={tdClass}>{label}</td>
                  <td className={tdClass}>{rate.name}</td>
                  <td className={tdClass}>{formatRate(rate.ratePpm)}</td>
                  <td className={tdClass}>{rate.shippingTaxable ? 'Taxed' : 'Not taxed'}</td>
                  <td className={tdClass}>
                    <DeleteTaxRateForm rate={{ id: rate.id, label }} />
                  </td>
                </tr>
              )
            })}
          </DataTable>
        )}
        <h3 className="font-semibold">Add or change a rate</h3>
        <TaxRateForm countries={shippingCountries} />
      </Panel>
      <Panel title="Categories">
        <p className="text-sm text-zinc-700">
          A zero-rated category has no tax under the rate table. Stripe tax codes (like txcd_99999999) tell Stripe Tax what a product is; empty uses your Stripe
          account’s default. A product follows its own category’s setting.
        </p>
        <div className="flex flex-col gap-3">
          {categories.map((category) => (
            <CategoryTaxForm key={category.id} category={category} />
          ))}
        </div>
      </Panel>
    </div>
  )
}
