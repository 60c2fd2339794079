import { Link, LinkPendingMark } from '@/components/ui/link'
import { isColourOption, type PickerChoice, type ProductOption, swatchColour } from '@/lib/catalog/variant-options'

const stateLabel: Record<PickerChoice['state'], string> = {
  selected: 'selected',
  available: '',
  sold_out: 'sold out',
  unavailable: 'not available with the other choices',
}

/**
 * The option picker: one group of links per option, each to this page with `?variant=<SKU>`, so
 * the choice is in the URL, can be shared, and works without JavaScript (with it, Next's Link
 * swaps the page in place). Sold-out and non-existent combinations stay listed, marked as such.
 */
export function VariantPicker({ slug, groups }: { slug: string; groups: { option: ProductOption; choices: PickerChoice[] }[] }) {
  return (
    <div className="flex flex-col gap-4">
      {groups.map(({ option, choices }) => {
        const selected = choices.find((choice) => choice.state === 'selected')
        const colour = isColourOption(option.name)
        const headingId = `option-${option.position}-heading`
        return (
          <div key={option.position} role="group" aria-labelledby={headingId} className="flex flex-col gap-2">
            <p id={headingId} className="text-sm font-medium text-zinc-900">
              {option.name}
              {selected && <span className="font-normal text-zinc-700">: {selected.value}</span>}
            </p>
            <ul className="flex flex-wrap gap-2">
              {choices.map((choice) => {
                const swatch = colour ? swatchColour(choice.value) : null
                const look =
                  choice.state === 'selected'
                    ? 'border-brand-700 bg-brand-50 ring-2 ring-brand-700'
                    : choice.state === 'available'
                      ? 'border-zinc-300 bg-white hover:border-zinc-500'
                      : 'border-dashed border-zinc-300 bg-zinc-50 text-zinc-600 line-through'
                const body = (
                  <>
                    {swatch && <span aria-hidden="true" className="size-4 rounded-full border border-zinc-400" style={{ backgroundColor: swatch }} />}
                    {choice.value}
                    {stateLabel[choice.state] && <span className="sr-only">, {stateLabel[choice.state]}</span>}
                  </>
                )
                const className = `flex min-h-10 min-w-11 items-center justify-center gap-2 rounded-lg border px-3 py-1.5 text-sm ${look}`
                return (
                  <li key={choice.value}>
                    {choice.sku && choice.state !== 'selected' ? (
                      <Link href={`/products/${slug}?variant=${encodeURIComponent(choice.sku)}`} scroll={false} replace className={className}>
                        {body}
                        <LinkPendingMark />
                      </Link>
                    ) : (
                      <span aria-current={choice.state === 'selected' ? 'true' : undefined} className={className}>
                        {body}
                      </span>
                    )}
                  </li>
                )
              })}
            </ul>
          </div>
        )
      })}
    </div>
  )
}
