import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { CsvFormatError, CsvParser, type CsvRecord } from './csv-parser.ts'

function parse(text: string | string[], delimiter = ';', max = 1000): CsvRecord[] {
  const parser = new CsvParser({ delimiter, maxRecordChars: max, maxFields: 100 })
  const out: CsvRecord[] = []
  for (const piece of Array.isArray(text) ? text : [text]) parser.push(piece, out)
  parser.end(out)
  return out
}

/** RFC 4180's writer: a cell holding the delimiter, a quote or a line break is quoted, its quotes doubled. */
function rfc4180(rows: string[][], delimiter: string, eol: string): string {
  const field = (cell: string) => (/["\r\n]/.test(cell) || cell.includes(delimiter) ? `"${cell.replaceAll('"', '""')}"` : cell)
  return rows.map((row) => row.map(field).join(delimiter) + eol).join('')
}

describe('CsvParser', () => {
  it('splits records and fields and numbers lines from 1 at the header', () => {
    expect(parse('a;b\r\n1;2\r\n3;4')).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 2, cells: ['1', '2'] },
      { line: 3, cells: ['3', '4'] },
    ])
  })

  it('reads quoted fields with delimiters, escaped quotes and line breaks, and counts their lines', () => {
    expect(parse('a;b\n"x;y";"say ""hi"""\n"two\r\nlines";z\nlast;1\n')).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 2, cells: ['x;y', 'say "hi"'] },
      { line: 3, cells: ['two\r\nlines', 'z'] },
      { line: 5, cells: ['last', '1'] },
    ])
  })

  it('gives the same records however the text is cut into pieces', () => {
    const text = 'a;b\r\n"q;\r\n""x""";2\r\n\r\nООО "Ромашка";"3"\r\n4;5'
    const whole = parse(text)
    for (let cut = 1; cut < text.length; cut++) {
      expect(parse([text.slice(0, cut), text.slice(cut)])).toEqual(whole)
    }
    const oneByOne = parse([...text])
    expect(oneByOne).toEqual(whole)
  })

  it('keeps blank lines as one empty cell (the reader skips them) and a quote inside an unquoted field as text', () => {
    expect(parse('a\n\nООО "Ромашка"\nx"y"\n')).toEqual([
      { line: 1, cells: ['a'] },
      { line: 2, cells: [''] },
      { line: 3, cells: ['ООО "Ромашка"'] },
      { line: 4, cells: ['x"y"'] },
    ])
  })

  it.each([
    ['"12"34;5', ['12"34', '5'], 1],
    ['1;"12"34', ['1', '12"34'], 2],
    ['1;"a""b"c;"d"e', ['1', 'a"b"c', 'd"e'], 2],
    ['"x" ;2', ['x" ', '2'], 1],
  ])('marks a record with text after a closing quote (%s) instead of dropping the quote', (row, cells, cell) => {
    const records = parse(`a;b\n${row}\nok;1\n`)
    expect(records[1]).toEqual({
      line: 2,
      cells,
      problem: { message: expect.stringContaining(`text after the closing quote of cell ${cell}`), details: { code: 'import.text_after_quote', cell } },
    })
    expect(records[2]).toEqual({ line: 3, cells: ['ok', '1'] })
  })

  it('reads back what an RFC 4180 writer wrote, cell for cell', () => {
    const cell = fc.oneof(fc.string(), fc.constantFrom('"', '""', ';', '\r\n', '\n', '\r', 'ООО "Ромашка"', '"12"34', ' "x" '))
    const table = fc.array(fc.array(cell, { minLength: 2, maxLength: 5 }), { minLength: 1, maxLength: 20 })
    fc.assert(
      fc.property(table, fc.constantFrom(';', ',', '\t'), fc.constantFrom('\r\n', '\n'), fc.integer({ min: 1, max: 50 }), (rows, delimiter, eol, cut) => {
        const text = rfc4180(rows, delimiter, eol)
        const records = parse([text.slice(0, cut), text.slice(cut)], delimiter, 1_000_000)
        expect(records.map((r) => r.cells)).toEqual(rows)
        expect(records.filter((r) => r.problem)).toEqual([])
      }),
    )
  })

  it('takes CR alone as a line end, and a trailing delimiter as an empty last cell', () => {
    expect(parse('a,b\r1,\r', ',')).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 2, cells: ['1', ''] },
    ])
  })

  it('refuses a record longer than the limit, naming its line, without reading on', () => {
    const limits = { delimiter: ';', maxRecordChars: 100, maxFields: 1000 }
    const parser = new CsvParser(limits)
    const out: CsvRecord[] = []
    parser.push('a;b\n', out)
    expect(() => parser.push('x'.repeat(101), out)).toThrow(CsvFormatError)
    expect(() => new CsvParser(limits).push('a\n"' + 'y'.repeat(200), [])).toThrow(/line 2: a record longer than 100/)
  })

  it.each([
    ['delimiters alone', ';'.repeat(101), 1000, 'import.record_too_long', 100],
    ['short fields', 'a;'.repeat(40), 30, 'import.too_many_fields', 30],
    ['empty fields on a later line', 'a;b\n1;2\n' + ';'.repeat(30), 30, 'import.too_many_fields', 30],
  ])('refuses a record of %s past its limit, with the line and the limit', (_, text, maxFields, code, limit) => {
    const parser = new CsvParser({ delimiter: ';', maxRecordChars: 100, maxFields })
    const line = text.split('\n').length
    let error: unknown
    try {
      parser.push(text, [])
      parser.end([])
    } catch (thrown) {
      error = thrown
    }
    expect(error).toBeInstanceOf(CsvFormatError)
    expect(error).toMatchObject({ line, code, limit, message: expect.stringMatching(new RegExp(`^line ${line}: .*${limit}`)) })
  })

  it('takes a record of exactly the limits', () => {
    const parser = new CsvParser({ delimiter: ';', maxRecordChars: 100, maxFields: 30 })
    const out: CsvRecord[] = []
    parser.push(';'.repeat(29) + '\n' + 'x'.repeat(100), out)
    parser.end(out)
    expect(out.map((r) => r.cells.length)).toEqual([30, 1])
  })

  it('refuses a quoted field that is never closed', () => {
    expect(() => parse('a;b\n"open;1\n2;3\n')).toThrow(/line 2: a quoted field is never closed/)
  })
})
