/**
 * CSV as RFC 4180 writes it: fields separated by commas, records by CRLF (LF and CR alone are
 * accepted too), fields quoted with double quotes when they hold a comma, quote or line break,
 * and quotes inside doubled. A UTF-8 byte-order mark at the start is skipped.
 */

export class CsvError extends Error {}

export function parseCsv(text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let field = ''
  let quoted = false
  let closed = false // just after a closing quote: only a comma or a line break may follow
  let line = 1
  let quoteLine = 0
  const endField = () => {
    row.push(field)
    field = ''
    closed = false
  }
  const endRow = () => {
    endField()
    // A record that is one empty field is a blank line: skipped.
    if (row.length > 1 || row[0] !== '') rows.push(row)
    row = []
  }
  for (let i = text.charCodeAt(0) === 0xfeff ? 1 : 0; i < text.length; i++) {
    const char = text[i]
    if (quoted) {
      if (char !== '"') {
        if (char === '\n') line++
        field += char
      } else if (text[i + 1] === '"') {
        field += '"'
        i++
      } else {
        quoted = false
        closed = true
      }
    } else if (char === ',') {
      endField()
    } else if (char === '\r' || char === '\n') {
      if (char === '\r' && text[i + 1] === '\n') i++
      endRow()
      line++
    } else if (closed) {
      throw new CsvError(`Line ${line}: text after a closing quote. A quoted field must end right before a comma or a line break.`)
    } else if (char === '"') {
      if (field !== '') throw new CsvError(`Line ${line}: a quote inside an unquoted field. Put the whole field in quotes and double the quotes inside it ("").`)
      quoted = true
      quoteLine = line
    } else {
      field += char
    }
  }
  if (quoted) throw new CsvError(`Line ${quoteLine}: a quoted field is never closed.`)
  if (field !== '' || closed || row.length > 0) endRow()
  return rows
}

export type CsvValue = string | number | boolean | null | undefined

/**
 * Spreadsheet apps run a cell that starts with = + - @ as a formula; text cells that start so get
 * a leading apostrophe (OWASP's advice for CSV injection). Numbers are written as they are.
 */
function cell(value: CsvValue) {
  if (value === null || value === undefined) return ''
  let text = String(value)
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text
}

export function csvLine(values: CsvValue[]) {
  return `${values.map(cell).join(',')}\r\n`
}

/** A whole CSV document, with a byte-order mark so spreadsheet apps read it as UTF-8. */
export function toCsv(header: string[], rows: CsvValue[][]) {
  return `\ufeff${csvLine(header)}${rows.map(csvLine).join('')}`
}

/** Undoes the apostrophe toCsv puts before formula-like text, so an export imports unchanged. */
export function unprotectCell(text: string) {
  return /^'[=+\-@\t\r]/.test(text) ? text.slice(1) : text
}

/** Bytes → text, refusing anything that is not valid UTF-8 (a spreadsheet's legacy encoding, a binary file). */
export function decodeUtf8(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    throw new CsvError('The file is not UTF-8 text. In your spreadsheet app, save it as “CSV UTF-8”.')
  }
}
