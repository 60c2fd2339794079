/** Money is always an integer number of minor units (cents). */

const formatters = new Map<string, Intl.NumberFormat>()

export function formatMoney(amountCents: number, currency = 'USD') {
  let formatter = formatters.get(currency)
  if (!formatter) {
    formatter = new Intl.NumberFormat('en-US', { style: 'currency', currency })
    formatters.set(currency, formatter)
  }
  return formatter.format(amountCents / 100)
}

/** "12", "12.5", "12.50" → 1250; anything else (negative, exponent, 3 decimals) → null. No floats involved. */
export function parseMajorUnits(input: string): number | null {
  const match = /^\s*(\d{1,9})(?:\.(\d{1,2}))?\s*$/.exec(input)
  if (!match) return null
  const whole = Number(match[1])
  const fraction = Number((match[2] ?? '').padEnd(2, '0'))
  return whole * 100 + fraction
}

/** 1250 → "12.50", 1200 → "12": for form fields and URLs. */
export function toMajorUnitsString(amountCents: number) {
  const sign = amountCents < 0 ? '-' : ''
  const whole = Math.trunc(Math.abs(amountCents) / 100)
  const fraction = Math.abs(amountCents) % 100
  return `${sign}${fraction === 0 ? whole : `${whole}.${String(fraction).padStart(2, '0')}`}`
}
