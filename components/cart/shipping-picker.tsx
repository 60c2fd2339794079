import { formatMoney } from '@/lib/money'

export type ShippingPickerOption = { methodId: number; name: string; priceCents: number; estimate: string; free: boolean }

/**
 * Where the cart ships and how: a GET form (the choice lives in the URL, so it works without
 * JavaScript and survives a reload). The server prices whatever it names and refuses what does not fit.
 */
export function ShippingPicker({
  countries,
  country,
  region,
  options,
  chosenMethodId,
  currency,
}: {
  countries: { code: string; name: string }[]
  country: string
  region: string
  options: ShippingPickerOption[]
  chosenMethodId: number | null
  currency: string
}) {
  const control = 'w-full rounded-xl border border-zinc-300 bg-white px-3 py-2 text-sm'
  return (
    <form method="get" action="/cart" className="flex flex-col gap-3" aria-label="Shipping">
      <div className="grid grid-cols-2 gap-3">
        <div className="flex flex-col gap-1.5">
          <label htmlFor="ship-country" className="text-sm font-medium">
            Ship to
          </label>
          <select id="ship-country" name="country" defaultValue={country} className={control}>
            {!countries.some((entry) => entry.code === country) && <option value={country}>{country}</option>}
            {countries.map((entry) => (
              <option key={entry.code} value={entry.code}>
                {entry.name}
              </option>
            ))}
          </select>
        </div>
        <div className="flex flex-col gap-1.5">
          <label htmlFor="ship-region" className="text-sm font-medium">
            State or region
          </label>
          <input id="ship-region" name="region" defaultValue={region} maxLength={100} placeholder="e.g. NY" className={control} />
        </div>
      </div>
      {options.length > 0 && (
        <fieldset className="flex flex-col gap-2">
          <legend className="mb-1 text-sm font-medium">Shipping method</legend>
          {options.map((option) => (
            <label key={option.methodId} className="flex items-start gap-2 rounded-lg border border-zinc-200 p-2 text-sm has-[:checked]:border-brand-600">
              <input
                type="radio"
                name="shipping"
                value={option.methodId}
                defaultChecked={option.methodId === chosenMethodId}
                className="mt-1 accent-brand-700"
              />
              <span className="flex flex-1 flex-col">
                <span className="flex justify-between gap-2 font-medium">
                  <span>{option.name}</span>
                  <span>{option.free || option.priceCents === 0 ? 'Free' : formatMoney(option.priceCents, currency)}</span>
                </span>
                <span className="text-xs text-zinc-600">{option.estimate}</span>
              </span>
            </label>
          ))}
        </fieldset>
      )}
      <button type="submit" className="w-fit rounded-full border border-zinc-300 bg-white px-4 py-1.5 text-sm font-semibold hover:bg-zinc-50">
        Update shipping
      </button>
    </form>
  )
}
