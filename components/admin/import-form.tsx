'use client'

import { startTransition, useActionState, useId, useState } from 'react'
import { FormMessage } from '@/components/ui/form'
import { importProductsAction } from '@/lib/admin/products/import-actions'
import type { ImportState } from '@/lib/admin/products/import-state'
import { formatMoney } from '@/lib/money'

/**
 * Sends the chosen file to the import action, first to preview (nothing written), then to import.
 * The action is called directly rather than by submitting the form, so the chosen file survives
 * the preview (React resets a form after its action runs).
 */
export function ImportForm() {
  const [state, dispatch, pending] = useActionState<ImportState, FormData>(importProductsAction, null)
  const [file, setFile] = useState<File | null>(null)
  const [skipBadRows, setSkipBadRows] = useState(false)
  const [running, setRunning] = useState<'preview' | 'import' | null>(null)
  const fileId = useId()
  const skipId = useId()
  const fileError = state?.ok === false ? state.fieldErrors?.file?.[0] : undefined

  function send(mode: 'preview' | 'import') {
    const form = new FormData()
    form.set('mode', mode)
    if (file) form.set('file', file)
    if (skipBadRows) form.set('skipBadRows', 'on')
    setRunning(mode)
    startTransition(() => dispatch(form))
  }

  const report = state?.report
  return (
    <div className="flex flex-col gap-5">
      <div className="flex flex-col gap-1.5">
        <label htmlFor={fileId} className="text-sm font-medium">
          CSV file
        </label>
        <input
          id={fileId}
          type="file"
          accept=".csv,text/csv"
          className="text-sm"
          aria-invalid={fileError ? true : undefined}
          aria-describedby={fileError ? `${fileId}-error` : undefined}
          onChange={(event) => setFile(event.target.files?.[0] ?? null)}
        />
        {fileError && (
          <p id={`${fileId}-error`} className="text-sm text-red-700">
            {fileError}
          </p>
        )}
      </div>
      <div className="flex items-center gap-2">
        <input
          id={skipId}
          type="checkbox"
          checked={skipBadRows}
          onChange={(event) => setSkipBadRows(event.target.checked)}
          className="size-4 accent-brand-700"
        />
        <label htmlFor={skipId} className="text-sm">
          Skip bad rows (import the valid rows even if some rows have errors)
        </label>
      </div>
      <div className="flex flex-wrap gap-2">
        <button
          type="button"
          disabled={pending || !file}
          onClick={() => send('preview')}
          className="rounded-full border border-zinc-300 px-5 py-2.5 text-sm font-semibold hover:bg-zinc-50 disabled:opacity-50"
        >
          Preview
        </button>
        <button
          type="button"
          disabled={pending || !file}
          onClick={() => send('import')}
          className="rounded-full bg-brand-700 px-5 py-2.5 text-sm font-semibold text-white hover:bg-brand-800 disabled:opacity-50"
        >
          Import
        </button>
      </div>
      <div aria-live="polite" className="flex flex-col gap-4">
        {pending && (
          <div className="flex flex-col gap-2">
            <p className="text-sm font-medium">{running === 'import' ? 'Importing… large files take a few seconds.' : 'Checking every row…'}</p>
            <progress aria-label={running === 'import' ? 'Import in progress' : 'Check in progress'} className="h-2 w-full max-w-md" />
          </div>
        )}
        {!pending && state && <FormMessage state={state} />}
      </div>
      {!pending && report && <ImportReportView report={report} />}
    </div>
  )
}

function ImportReportView({ report }: { report: NonNullable<NonNullable<ImportState>['report']> }) {
  const cell = 'border-b border-zinc-100 px-3 py-1.5 align-top'
  const head = 'border-b border-zinc-200 px-3 py-1.5 text-left font-semibold'
  return (
    <div className="flex flex-col gap-5">
      <dl className="grid max-w-2xl grid-cols-2 gap-2 text-sm sm:grid-cols-5">
        {[
          ['Rows', report.rows],
          ['Products', report.products],
          ['To create', report.creates],
          ['To update', report.updates],
          ['With errors', report.errorCount],
        ].map(([label, value]) => (
          <div key={label} className="rounded-lg border border-zinc-200 p-3">
            <dt className="text-zinc-600">{label}</dt>
            <dd className="text-lg font-semibold tabular-nums">{Number(value).toLocaleString('en-US')}</dd>
          </div>
        ))}
      </dl>
      {report.errors.length > 0 && (
        <section className="flex flex-col gap-2">
          <h2 className="font-semibold">
            Rows with errors{report.errorCount > report.errors.length ? ` (first ${report.errors.length} of ${report.errorCount})` : ''}
          </h2>
          <div className="overflow-x-auto">
            <table className="w-full text-sm">
              <thead>
                <tr>
                  <th scope="col" className={head}>
                    Line
                  </th>
                  <th scope="col" className={head}>
                    Handle
                  </th>
                  <th scope="col" className={head}>
                    Problem
                  </th>
                </tr>
              </thead>
              <tbody>
                {report.errors.map((error, index) => (
                  <tr key={index}>
                    <td className={`${cell} tabular-nums`}>{error.line}</td>
                    <td className={cell}>{error.handle}</td>
                    <td className={`${cell} text-red-800`}>{error.messages.join(' ')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      )}
      {!report.applied && report.preview.length > 0 && (
        <section className="flex flex-col gap-2">
          <h2 className="font-semibold">Preview (first {report.preview.length} products and their variants)</h2>
          <ul className="flex flex-col gap-3">
            {report.preview.map((product) => (
              <li key={product.line} className="rounded-xl border border-zinc-200 p-3 text-sm">
                <p>
                  <span className="font-semibold">{product.title}</span>{' '}
                  <span className="text-zinc-600">
                    ({product.handle}, line {product.line})
                  </span>{' '}
                  · {product.action === 'create' ? 'Create' : 'Update'} · {product.category}
                  {product.options.length > 0 && ` · Options: ${product.options.join(', ')}`}
                </p>
                <div className="mt-2 overflow-x-auto">
                  <table className="w-full text-sm">
                    <thead>
                      <tr>
                        {['Line', 'Variant', 'SKU', 'Price', 'Stock'].map((label) => (
                          <th key={label} scope="col" className={head}>
                            {label}
                          </th>
                        ))}
                      </tr>
                    </thead>
                    <tbody>
                      {product.variants.map((variant) => (
                        <tr key={variant.line}>
                          <td className={`${cell} tabular-nums`}>{variant.line}</td>
                          <td className={cell}>{variant.title || 'Default'}</td>
                          <td className={cell}>{variant.sku ?? 'generated'}</td>
                          <td className={`${cell} tabular-nums`}>{formatMoney(variant.priceCents)}</td>
                          <td className={`${cell} tabular-nums`}>{variant.stock ?? 'unchanged'}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                  {product.moreVariants > 0 && <p className="mt-1 text-zinc-600">…and {product.moreVariants} more variants.</p>}
                </div>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  )
}
