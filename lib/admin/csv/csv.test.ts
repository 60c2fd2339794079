import { describe, expect, it } from 'vitest'
import { CsvError, decodeUtf8, parseCsv, toCsv, unprotectCell } from './csv'

describe('parseCsv', () => {
  it('reads quoted fields, doubled quotes, line breaks inside quotes, CRLF, LF and a BOM', () => {
    expect(parseCsv('\ufeffa,b,c\r\n1,"x, y","say ""hi"""\r\n2,"two\r\nlines",\n3,,""\n')).toEqual([
      ['a', 'b', 'c'],
      ['1', 'x, y', 'say "hi"'],
      ['2', 'two\r\nlines', ''],
      ['3', '', ''],
    ])
  })

  it('keeps empty fields, skips blank lines, and reads a last line without a line break', () => {
    expect(parseCsv('a,b\n\n,\n"",x\nlast,"q"')).toEqual([
      ['a', 'b'],
      ['', ''],
      ['', 'x'],
      ['last', 'q'],
    ])
  })

  it('refuses malformed quoting with the line number', () => {
    expect(() => parseCsv('a\n"open')).toThrow(new CsvError('Line 2: a quoted field is never closed.'))
    expect(() => parseCsv('a\nab"c')).toThrow(/Line 2: a quote inside an unquoted field/)
    expect(() => parseCsv('"a"b,c')).toThrow(/Line 1: text after a closing quote/)
  })
})

describe('toCsv', () => {
  it('writes a BOM, CRLF, quotes only where needed, and defuses formulas; parseCsv reads it back', () => {
    const text = toCsv(
      ['name', 'price'],
      [
        ['Mug, "big"', 12.5],
        ['=HYPERLINK("x")', -1],
        [' padded ', null],
        ['multi\nline', true],
      ],
    )
    expect(text).toBe('\ufeffname,price\r\n"Mug, ""big""",12.5\r\n"\'=HYPERLINK(""x"")",-1\r\n" padded ",\r\n"multi\nline",true\r\n')
    const rows = parseCsv(text)
    expect(rows.map((row) => row.map(unprotectCell))).toEqual([
      ['name', 'price'],
      ['Mug, "big"', '12.5'],
      ['=HYPERLINK("x")', '-1'],
      [' padded ', ''],
      ['multi\nline', 'true'],
    ])
  })
})

describe('decodeUtf8', () => {
  it('refuses bytes that are not UTF-8', () => {
    expect(decodeUtf8(new TextEncoder().encode('Crème'))).toBe('Crème')
    expect(() => decodeUtf8(new Uint8Array([0x43, 0x72, 0xe8, 0x6d, 0x65]))).toThrow(/not UTF-8/)
  })
})
