import { z } from 'zod'
import { priceCentsSchema } from '@/lib/bounds'
import { toMajorUnitsString } from '@/lib/money'
import { type CsvValue, unprotectCell } from '../csv/csv'
import { slugPattern } from '../slug'
import { combinationKey, MAX_OPTIONS, type OptionDef, type OptionValues } from './variant-plan'
import { MAX_BARCODE_LENGTH, MAX_VARIANTS, MAX_WEIGHT_GRAMS, skuSchema } from './variant-validation'

/**
 * The product CSV in Shopify's layout: one row per variant, a product spanning the rows that share
 * its Handle. Product columns (Title, Description, Category, Active, Featured, option names) are
 * read from the first row of a product; later rows may leave them empty or repeat them. Pure: the
 * database checks (categories, SKUs of other products) are lib/admin/products/import.ts's.
 */
export const variantCsvColumns = [
  'Handle',
  'Title',
  'Description',
  'Category',
  'Active',
  'Featured',
  'Option1 Name',
  'Option1 Value',
  'Option2 Name',
  'Option2 Value',
  'Option3 Name',
  'Option3 Value',
  'Variant SKU',
  'Variant Price',
  'Variant Compare At Price',
  'Variant Inventory Qty',
  'Variant Active',
  'Variant Grams',
  'Variant Barcode',
  'Image Src',
] as const
export type CsvColumn = (typeof variantCsvColumns)[number]
const required: CsvColumn[] = ['Handle', 'Title', 'Variant Price', 'Category']

/** Other names a column is known by: Shopify's, and our earlier one-row-per-product layout (so old files still import). */
const aliases: Record<string, CsvColumn> = {
  slug: 'Handle',
  name: 'Title',
  'body (html)': 'Description',
  price: 'Variant Price',
  stock: 'Variant Inventory Qty',
  published: 'Active',
  'variant image': 'Image Src',
  sku: 'Variant SKU',
}
const byLowerName = new Map<string, CsvColumn>([...variantCsvColumns.map((column) => [column.toLowerCase(), column] as const), ...Object.entries(aliases)])

export type HeaderResult = { ok: true; columns: (CsvColumn | null)[] } | { ok: false; error: string }

/** Maps the header line to our columns, or explains what is wrong with it. */
export function readHeader(header: string[]): HeaderResult {
  const names = header.map((name) => name.trim())
  const tooMany = names.find((name) => /^option\s*[4-9]\d*\s+(name|value)$/i.test(name))
  if (tooMany) return { ok: false, error: `The column “${tooMany}” is not supported: a product can have at most three options (Option1 to Option3).` }
  const unknown = names.filter((name) => !byLowerName.has(name.toLowerCase()))
  if (unknown.length > 0)
    return { ok: false, error: `Unknown column${unknown.length > 1 ? 's' : ''}: ${unknown.map((name) => `“${name}”`).join(', ')}. The columns are: ${variantCsvColumns.join(', ')}.` }
  const columns = names.map((name) => byLowerName.get(name.toLowerCase()) ?? null)
  const repeated = columns.find((column, index) => columns.indexOf(column) !== index)
  if (repeated) return { ok: false, error: `The column “${repeated}” appears twice (check for an old and a Shopify name of the same column).` }
  const missing = required.filter((column) => !columns.includes(column))
  if (missing.length > 0) return { ok: false, error: `Missing column${missing.length > 1 ? 's' : ''}: ${missing.join(', ')}. Every file needs ${required.join(', ')}.` }
  return { ok: true, columns }
}

const yesNo = (value: string): boolean | null => {
  const text = value.trim().toLowerCase()
  if (['true', 'yes', 'y', '1', 'active'].includes(text)) return true
  if (['false', 'no', 'n', '0', 'draft', 'archived'].includes(text)) return false
  return null
}

export type CsvVariant = {
  line: number
  values: OptionValues
  sku: string | null
  priceCents: number
  compareAtCents: number | null
  stock: number | null
  active: boolean | null
  weightGrams: number | null
  barcode: string | null
  imageSrc: string | null
}
export type CsvProduct = {
  handle: string
  line: number
  title: string
  description: string | null
  category: string
  active: boolean | null
  featured: boolean | null
  options: OptionDef[]
  variants: CsvVariant[]
}
export type CsvRowError = { line: number; handle: string; messages: string[] }

const handleSchema = z.string().max(80, 'is longer than 80 characters.').regex(slugPattern, 'may hold only lowercase letters, digits and single hyphens.')
const stockSchema = z.string().regex(/^\d{1,7}$/, 'must be a whole number, 0 or more.')
const gramsSchema = z
  .string()
  .regex(/^\d+$/, 'must be whole grams, like 250 (no units or decimals).')
  .transform(Number)
  .refine((grams) => grams <= MAX_WEIGHT_GRAMS, `must be at most ${MAX_WEIGHT_GRAMS.toLocaleString('en-US')} grams.`)
const barcodeSchema = z
  .string()
  .max(MAX_BARCODE_LENGTH, `is longer than ${MAX_BARCODE_LENGTH} characters.`)
  .regex(/^[^\p{Cc}]*$/u, 'cannot hold line breaks or control characters.')

/**
 * Groups the rows into products and checks every cell. Each message names its column, and each
 * error its line (the header is line 1). A product with any bad row is left out as a whole; its
 * other rows are reported too, so the merchant sees everything to fix at once.
 */
export function readVariantRows(columns: (CsvColumn | null)[], body: string[][], firstLine = 2): { products: CsvProduct[]; errors: CsvRowError[]; rows: number } {
  const has = (column: CsvColumn) => columns.includes(column)
  const groups = new Map<string, { product: CsvProduct; bad: boolean; combos: Map<string, number> }>()
  const order: string[] = []
  const errors: CsvRowError[] = []
  const skus = new Map<string, number>()

  body.forEach((record, index) => {
    const line = firstLine + index
    const cell = (column: CsvColumn) => {
      const at = columns.indexOf(column)
      return at === -1 ? '' : unprotectCell(record[at] ?? '').trim()
    }
    const messages: string[] = []
    if (record.length !== columns.length) messages.push(`The line has ${record.length} fields but the header has ${columns.length}.`)
    const handle = cell('Handle').toLowerCase()
    if (handle === '') messages.push('Handle is empty.')
    else {
      const checked = handleSchema.safeParse(handle)
      if (!checked.success) messages.push(`Handle “${handle}” ${checked.error.issues[0]?.message}`)
    }
    let group = groups.get(handle)
    const isFirst = !group
    const productText = (column: CsvColumn, current: string | null | undefined) => {
      const value = cell(column)
      if (!isFirst && value !== '' && current !== undefined && current !== null && current !== '' && value !== current)
        messages.push(`${column} “${value}” differs from line ${group?.product.line} of this product; leave it empty on later rows.`)
      return value
    }

    const title = productText('Title', group?.product.title)
    if (isFirst && title === '') messages.push('Title is empty (the first row of a product names it).')
    if (title.length > 200) messages.push('Title is longer than 200 characters.')
    const description = productText('Description', group?.product.description)
    if (description.length > 10_000) messages.push('Description is longer than 10,000 characters.')
    const category = productText('Category', group?.product.category)
    if (isFirst && category === '') messages.push('Category is empty (the first row of a product names it).')
    const flag = (column: 'Active' | 'Featured' | 'Variant Active') => {
      const text = cell(column)
      if (text === '') return null
      const value = yesNo(text)
      if (value === null) messages.push(`${column} “${text}” is not yes or no (use true/false, yes/no or 1/0).`)
      return value
    }
    const active = flag('Active')
    const featured = flag('Featured')

    // Options: names from the product's first row (later rows may repeat them), a value on every row.
    const names: string[] = []
    const values: (string | null)[] = []
    for (let n = 1; n <= MAX_OPTIONS; n++) {
      const nameColumn = `Option${n} Name` as CsvColumn
      const valueColumn = `Option${n} Value` as CsvColumn
      const name = cell(nameColumn)
      const known = group?.product.options[n - 1]?.name ?? (isFirst ? undefined : '')
      if (!isFirst && name !== '' && name.toLowerCase() !== (known ?? '').toLowerCase())
        messages.push(`${nameColumn} “${name}” differs from line ${group?.product.line} of this product (“${known || 'no option'}”).`)
      const effective = isFirst ? name : (known ?? '')
      const value = cell(valueColumn)
      // Shopify writes "Title" / "Default Title" for a product without options.
      if (effective === '' || (n === 1 && effective.toLowerCase() === 'title' && value.toLowerCase() === 'default title')) {
        if (value !== '' && !(n === 1 && value.toLowerCase() === 'default title')) messages.push(`${valueColumn} “${value}” is given but ${nameColumn} is empty.`)
        values.push(null)
        continue
      }
      if (n > 1 && names.length < n - 1) messages.push(`${nameColumn} is given but Option${n - 1} Name is empty: fill the options in order.`)
      if (effective.length > 60) messages.push(`${nameColumn} is longer than 60 characters.`)
      if (names.some((other) => other.toLowerCase() === effective.toLowerCase())) messages.push(`${nameColumn} “${effective}” is the name of another option of this product.`)
      if (value === '') messages.push(`${valueColumn} is empty, but the product has the option “${effective}”.`)
      else if (value.length > 100) messages.push(`${valueColumn} is longer than 100 characters.`)
      else if (value.includes(' / ')) messages.push(`${valueColumn} “${value}” cannot contain “ / ”.`)
      names.push(effective)
      values.push(value === '' ? null : value)
    }

    const skuText = cell('Variant SKU')
    let sku: string | null = null
    if (skuText !== '') {
      const checked = skuSchema.safeParse(skuText)
      if (!checked.success) messages.push(`Variant SKU “${skuText}”: ${checked.error.issues[0]?.message}`)
      else {
        sku = checked.data
        const first = skus.get(sku.toLowerCase())
        if (first !== undefined) messages.push(`Variant SKU “${sku}” is already used on line ${first}. Each variant needs its own SKU.`)
        else skus.set(sku.toLowerCase(), line)
      }
    }
    const money = (column: 'Variant Price' | 'Variant Compare At Price') => {
      const text = cell(column)
      if (text === '') return null
      if (/^\s*-/.test(text)) {
        messages.push(`${column} “${text}” is below zero; prices start at 0.`)
        return null
      }
      const checked = priceCentsSchema.safeParse(text.replace(/^\$/, ''))
      if (!checked.success) messages.push(`${column} “${text}”: ${checked.error.issues[0]?.message}`)
      return checked.success ? checked.data : null
    }
    const priceText = cell('Variant Price')
    const price = money('Variant Price')
    if (priceText === '') messages.push('Variant Price is empty.')
    const compareAt = money('Variant Compare At Price')
    if (compareAt !== null && price !== null && compareAt <= price) messages.push(`Variant Compare At Price must be higher than Variant Price (it is shown struck through), or empty.`)
    const stockText = cell('Variant Inventory Qty')
    let stock: number | null = null
    if (stockText !== '') {
      const checked = stockSchema.safeParse(stockText)
      if (!checked.success) messages.push(`Variant Inventory Qty “${stockText}” ${checked.error.issues[0]?.message}`)
      else stock = Number(checked.data)
    }
    const variantActive = flag('Variant Active')
    const gramsText = cell('Variant Grams')
    let weightGrams: number | null = null
    if (gramsText !== '') {
      const checked = gramsSchema.safeParse(gramsText)
      if (!checked.success) messages.push(`Variant Grams “${gramsText}” ${checked.error.issues[0]?.message}`)
      else weightGrams = checked.data
    }
    const barcodeText = cell('Variant Barcode')
    const checkedBarcode = barcodeSchema.safeParse(barcodeText)
    if (!checkedBarcode.success) messages.push(`Variant Barcode “${barcodeText}” ${checkedBarcode.error.issues[0]?.message}`)
    const barcode = barcodeText || null
    const imageSrc = cell('Image Src') || null

    if (handle === '' || messages.some((message) => message.startsWith('Handle “'))) {
      errors.push({ line, handle, messages })
      return
    }
    if (!group) {
      group = {
        bad: false,
        combos: new Map(),
        product: {
          handle,
          line,
          title,
          description: has('Description') ? description : null,
          category,
          active,
          featured,
          options: names.map((name) => ({ name, values: [] })),
          variants: [],
        },
      }
      groups.set(handle, group)
      order.push(handle)
    }
    const combo: OptionValues = [values[0] ?? null, values[1] ?? null, values[2] ?? null]
    const key = combinationKey(combo)
    const sameCombo = group.combos.get(key)
    if (sameCombo !== undefined)
      messages.push(
        names.length === 0
          ? `Handle “${handle}” is already used on line ${sameCombo}, and the product has no options to tell its variants apart (fill Option1 Name and Value).`
          : `The option values ${combo.filter(Boolean).join(' / ')} are already used on line ${sameCombo} of this product.`,
      )
    else group.combos.set(key, line)
    if (group.product.variants.length >= MAX_VARIANTS) messages.push(`The product has more than ${MAX_VARIANTS} variants.`)

    if (messages.length > 0 || price === null) {
      group.bad = true
      errors.push({ line, handle, messages })
      return
    }
    group.product.options.forEach((option, at) => {
      const value = combo[at]
      if (value && !option.values.some((known) => known.toLowerCase() === value.toLowerCase())) option.values.push(value)
    })
    group.product.variants.push({ line, values: combo, sku, priceCents: price, compareAtCents: compareAt, stock, active: variantActive, weightGrams, barcode, imageSrc })
  })

  const products = order.flatMap((handle) => {
    const group = groups.get(handle)
    return group && !group.bad && group.product.variants.length > 0 ? [group.product] : []
  })
  // A product with a bad row is left out whole; its good rows are named so the count adds up.
  for (const handle of order) {
    const group = groups.get(handle)
    if (!group?.bad) continue
    for (const variant of group.product.variants) errors.push({ line: variant.line, handle, messages: [`Not imported because another row of “${handle}” has an error.`] })
  }
  errors.sort((a, b) => a.line - b.line)
  return { products, errors, rows: body.length }
}

export type ExportVariant = {
  values: OptionValues
  sku: string
  priceCents: number
  compareAtCents: number | null
  stock: number
  active: boolean
  weightGrams: number | null
  barcode: string | null
  imageUrl: string | null
}
export type ExportProduct = {
  slug: string
  name: string
  description: string
  category: string
  active: boolean
  featured: boolean
  options: OptionDef[]
  variants: ExportVariant[]
}

/** A product's CSV rows, in variantCsvColumns' order: product columns on its first row only, as Shopify writes them. */
export function variantCsvRows(product: ExportProduct): CsvValue[][] {
  return product.variants.map((variant, index) => {
    const first = index === 0
    const options = [0, 1, 2].flatMap((at) => {
      const option = product.options[at]
      return option ? [first ? option.name : '', variant.values[at] ?? ''] : ['', '']
    })
    return [
      product.slug,
      first ? product.name : '',
      first ? product.description : '',
      first ? product.category : '',
      first ? product.active : '',
      first ? product.featured : '',
      ...options,
      variant.sku,
      toMajorUnitsString(variant.priceCents),
      variant.compareAtCents === null ? '' : toMajorUnitsString(variant.compareAtCents),
      variant.stock,
      variant.active,
      variant.weightGrams ?? '',
      variant.barcode ?? '',
      variant.imageUrl ?? '',
    ]
  })
}
