import { formatMoney } from '@/lib/money'
import { pluralize } from '@/lib/plural'

/** Revenue per day as a bar chart drawn on the server in SVG; each bar has a tooltip, and a table follows for screen readers. */
export function RevenueChart({ days }: { days: { day: string; revenueCents: number; orders: number }[] }) {
  const width = 720
  const height = 220
  const padding = { top: 16, right: 8, bottom: 28, left: 64 }
  const plotWidth = width - padding.left - padding.right
  const plotHeight = height - padding.top - padding.bottom
  const max = Math.max(...days.map((day) => day.revenueCents), 1)
  // A round top value for the axis: 1, 2 or 5 × a power of ten.
  const magnitude = 10 ** Math.floor(Math.log10(max))
  const top = [1, 2, 5, 10].map((step) => step * magnitude).find((value) => value >= max) ?? max
  const slot = plotWidth / Math.max(days.length, 1)
  const total = days.reduce((sum, day) => sum + day.revenueCents, 0)
  return (
    <figure className="flex flex-col gap-2">
      <svg
        viewBox={`0 0 ${width} ${height}`}
        className="h-auto w-full"
        role="img"
        aria-label={`Revenue per day for the last ${days.length} days, ${formatMoney(total)} in total.`}
      >
        {[0, 0.5, 1].map((fraction) => {
          const y = padding.top + plotHeight * (1 - fraction)
          return (
            <g key={fraction}>
              <line x1={padding.left} x2={width - padding.right} y1={y} y2={y} stroke="#e4e4e7" />
              <text x={padding.left - 6} y={y + 4} textAnchor="end" fontSize="11" fill="#52525b">
                {formatMoney(Math.round(top * fraction)).replace(/\.00$/, '')}
              </text>
            </g>
          )
        })}
        {days.map((day, index) => {
          const barHeight = (day.revenueCents / top) * plotHeight
          const x = padding.left + index * slot + slot * 0.15
          return (
            <g key={day.day}>
              <rect
                x={x}
                y={padding.top + plotHeight - barHeight}
                width={slot * 0.7}
                height={Math.max(barHeight, day.revenueCents > 0 ? 1 : 0)}
                fill="oklch(0.45 0.2 265)"
                rx="2"
              >
                <title>{`${day.day}: ${formatMoney(day.revenueCents)} from ${pluralize(day.orders, 'order')}`}</title>
              </rect>
              {(index % 5 === 0 || index === days.length - 1) && (
                <text x={x + slot * 0.35} y={height - 8} textAnchor="middle" fontSize="11" fill="#52525b">
                  {day.day.slice(5)}
                </text>
              )}
            </g>
          )
        })}
      </svg>
      <details className="text-sm">
        <summary className="cursor-pointer text-zinc-700">Revenue per day as a table</summary>
        <table className="mt-2 text-sm">
          <thead>
            <tr>
              <th scope="col" className="px-2 text-left">
                Day
              </th>
              <th scope="col" className="px-2 text-right">
                Revenue
              </th>
              <th scope="col" className="px-2 text-right">
                Orders
              </th>
            </tr>
          </thead>
          <tbody>
            {days.map((day) => (
              <tr key={day.day}>
                <td className="px-2">{day.day}</td>
                <td className="px-2 text-right tabular-nums">{formatMoney(day.revenueCents)}</td>
                <td className="px-2 text-right tabular-nums">{day.orders}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  )
}
