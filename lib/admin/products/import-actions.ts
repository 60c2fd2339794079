'use server'

import { z } from 'zod'
import { failure } from '@/lib/action-state'
import { invalidateCatalog } from '@/lib/catalog/cache'
import { formAction } from '@/lib/define-action'
import { pluralize } from '@/lib/plural'
import { CsvError, decodeUtf8 } from '../csv/csv'
import { applyProductImport, planProductImport } from './import'
import type { ImportState } from './import-state'
import { checkbox } from './validation'

const MAX_CSV_BYTES = 20 * 1024 * 1024

const importSchema = z.object({
  mode: z.enum(['preview', 'import'], { error: 'Choose preview or import.' }),
  skipBadRows: checkbox,
})

/** The CSV comes as a file (`file`) or as text read by the browser (`csv`), without U+0000 (Postgres cannot store it). */
async function csvText(formData: FormData): Promise<string | { error: string }> {
  const text = await rawCsvText(formData)
  return typeof text === 'string' ? text.replaceAll('\u0000', '') : text
}

async function rawCsvText(formData: FormData): Promise<string | { error: string }> {
  const file = formData.get('file')
  if (file && typeof file !== 'string' && file.size > 0) {
    if (file.size > MAX_CSV_BYTES) return { error: 'The file is larger than 20 MB. Split it into smaller files.' }
    try {
      return decodeUtf8(new Uint8Array(await file.arrayBuffer()))
    } catch (error) {
      if (error instanceof CsvError) return { error: error.message }
      throw error
    }
  }
  const text = formData.get('csv')
  if (typeof text === 'string' && text.length > 0) return text.length > MAX_CSV_BYTES ? { error: 'The file is larger than 20 MB. Split it into smaller files.' } : text
  return { error: 'Choose a CSV file.' }
}

/**
 * Preview: checks every row and reports what would happen, writing nothing. Import: writes all
 * rows in one transaction, or nothing when any row is wrong, unless "skip bad rows" is ticked.
 */
export const importProductsAction = formAction(
  { name: 'admin.product.import', access: 'admin', returnTo: '/admin/products/import', schema: importSchema, input: ['mode', 'skipBadRows'] },
  async (input, { caller: admin, formData }): Promise<ImportState> => {
    const text = await csvText(formData)
    if (typeof text !== 'string') return { ok: false, error: text.error, fieldErrors: { file: [text.error] } }
    const planned = await planProductImport(text)
    if (!planned.ok) return { ok: false, error: planned.error, fieldErrors: { file: [planned.error] } }
    const { plan } = planned
    const { report } = plan
    if (input.mode === 'preview') {
      return {
        ok: true,
        message: `${pluralize(report.rows, 'row')} checked: ${pluralize(report.products, 'product')} with ${pluralize(report.valid, 'variant')} (${report.creates} to create, ${report.updates} to update), ${pluralize(report.errorCount, 'row')} with errors. Nothing is written yet.`,
        report,
      }
    }
    if (report.errorCount > 0 && !input.skipBadRows) {
      return {
        ok: false,
        error: `Nothing was imported: ${report.errorCount} of ${report.rows} rows have errors. Fix them and import again, or tick “Skip bad rows”.`,
        report,
      }
    }
    if (report.valid === 0) return failure('Nothing was imported: no row is valid.')
    const result = await applyProductImport(admin, plan)
    invalidateCatalog({ productSlugs: result.slugs.length <= 200 ? result.slugs : [], from: 'action' })
    return {
      ok: true,
      message: `Imported: ${result.created} created, ${result.updated} updated, ${pluralize(result.variants, 'variant')}${result.removed > 0 ? `, ${pluralize(result.removed, 'variant')} not in the file removed (archived when ordered)` : ''}${report.errorCount > 0 ? `, ${report.errorCount} bad rows skipped` : ''}.${result.unknownImages > 0 ? ` ${pluralize(result.unknownImages, 'Image Src value')} did not match an image of its product and ${result.unknownImages === 1 ? 'was' : 'were'} left as they were (upload the images first).` : ''}`,
      report: { ...report, applied: true },
    }
  },
)
