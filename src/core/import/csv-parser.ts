// A streaming CSV parser (RFC 4180 plus what exports do): any one-character delimiter, quoted
// fields with "" escapes and line breaks, CRLF, LF or CR line ends, and a quote inside an unquoted
// field kept as text (ООО "Ромашка"). Text after a closing quote (`"12"34`) is not guessed at: the
// record carries a problem, and the import rejects it with its line. It reports the physical line each record starts on and
// refuses a record longer than maxRecordChars (delimiters count) or of more than maxFields fields,
// so that neither a 2 GB file of one line nor 200 MB of ';' ever fills memory.
// Written for speed: csv-parse reads about 100k rows/s here, this several times that.

import { reason } from '../../contract/reason-codes.ts'
import type { RowProblem } from './row-problem.ts'

export type CsvRecord = { line: number; cells: string[]; problem?: RowProblem }

export type CsvFormatErrorCode = 'import.record_too_long' | 'import.too_many_fields' | 'import.unclosed_quote'

export class CsvFormatError extends Error {
  readonly line: number
  readonly code: CsvFormatErrorCode
  readonly limit: number | undefined
  constructor(input: { line: number; code: CsvFormatErrorCode; message: string; limit?: number }) {
    super(`line ${input.line}: ${input.message}`)
    this.name = 'CsvFormatError'
    this.line = input.line
    this.code = input.code
    this.limit = input.limit
  }
}

export type CsvParserInput = { delimiter: string; maxRecordChars: number; maxFields: number }

const QUOTE = 34
const CR = 13
const LF = 10
const FIELD_START = 0
const UNQUOTED = 1
const QUOTED = 2
const QUOTE_SEEN = 3

export class CsvParser {
  private readonly delimiter: number
  private readonly maxRecordChars: number
  private readonly maxFields: number
  private cells: string[] = []
  private field = ''
  private state = FIELD_START
  private line = 1
  private recordLine = 1
  private recordLength = 0
  private recordStarted = false
  private skipLf = false
  private quotedCr = false
  /** The first cell (from 1) of the record with text after its closing quote; 0 if none. */
  private strayQuoteCell = 0

  constructor(input: CsvParserInput) {
    this.delimiter = input.delimiter.charCodeAt(0)
    this.maxRecordChars = input.maxRecordChars
    this.maxFields = input.maxFields
  }

  /** Parses the next piece of text; complete records are appended to out. */
  push(text: string, out: CsvRecord[]): void {
    let i = 0
    const n = text.length
    if (this.skipLf && n > 0) {
      if (text.charCodeAt(0) === LF) i = 1
      this.skipLf = false
    }
    while (i < n) {
      if (this.state === QUOTED) {
        i = this.readQuoted(text, i)
        continue
      }
      if (this.state === QUOTE_SEEN) {
        const c = text.charCodeAt(i)
        if (c === QUOTE) {
          this.append('"')
          this.state = QUOTED
          i++
          continue
        }
        if (c !== this.delimiter && c !== CR && c !== LF) {
          // `"12"34`: the row is rejected, its cell kept as written but for the opening quote (12"34).
          if (this.strayQuoteCell === 0) this.strayQuoteCell = this.cells.length + 1
          this.append('"')
          this.state = UNQUOTED
        }
      } else if (this.state === FIELD_START) {
        if (!this.recordStarted) {
          this.recordStarted = true
          this.recordLine = this.line
        }
        if (text.charCodeAt(i) === QUOTE) {
          this.state = QUOTED
          this.quotedCr = false
          i++
          continue
        }
        this.state = UNQUOTED
      }
      if (this.state === UNQUOTED) {
        let j = i
        while (j < n) {
          const c = text.charCodeAt(j)
          if (c === this.delimiter || c === CR || c === LF) break
          j++
        }
        if (j > i) this.append(text.slice(i, j))
        i = j
        if (j === n) break
      }
      i = this.terminate(text, i, out)
    }
  }

  /** Ends the input: the last record without a line break is appended to out. */
  end(out: CsvRecord[]): void {
    if (this.state === QUOTED) {
      throw new CsvFormatError({ line: this.recordLine, code: 'import.unclosed_quote', message: 'a quoted field is never closed (a missing " ?)' })
    }
    if (this.recordStarted) this.endRecord(out)
  }

  private readQuoted(text: string, i: number): number {
    const close = text.indexOf('"', i)
    const segment = close < 0 ? text.slice(i) : text.slice(i, close)
    if (segment.length > 0) {
      this.countLineBreaks(segment)
      this.append(segment)
    }
    if (close < 0) return text.length
    this.state = QUOTE_SEEN
    return close + 1
  }

  /** Handles the delimiter or line break at text[i]; returns where to continue. */
  private terminate(text: string, i: number, out: CsvRecord[]): number {
    const c = text.charCodeAt(i)
    this.pushField()
    if (c === this.delimiter) {
      // Delimiters count: a file of ';' alone is one record of empty fields.
      if (++this.recordLength > this.maxRecordChars) this.tooLong()
      return i + 1
    }
    this.emit(out)
    this.line++
    if (c === CR) {
      if (i + 1 === text.length) this.skipLf = true
      else if (text.charCodeAt(i + 1) === LF) return i + 2
    }
    return i + 1
  }

  private endRecord(out: CsvRecord[]): void {
    this.pushField()
    this.emit(out)
  }

  private pushField(): void {
    if (this.cells.length === this.maxFields) {
      throw new CsvFormatError({
        line: this.recordLine,
        code: 'import.too_many_fields',
        limit: this.maxFields,
        message: `a record of more than ${this.maxFields.toLocaleString('en')} fields: not a CSV file, or the wrong delimiter`,
      })
    }
    this.cells.push(this.field)
    this.field = ''
    this.state = FIELD_START
  }

  private tooLong(): never {
    throw new CsvFormatError({
      line: this.recordLine,
      code: 'import.record_too_long',
      limit: this.maxRecordChars,
      message: `a record longer than ${this.maxRecordChars.toLocaleString('en')} characters: not a CSV file, or a quote that is never closed`,
    })
  }

  private emit(out: CsvRecord[]): void {
    if (this.strayQuoteCell === 0) out.push({ line: this.recordLine, cells: this.cells })
    else out.push({ line: this.recordLine, cells: this.cells, problem: strayQuote(this.strayQuoteCell) })
    this.strayQuoteCell = 0
    this.cells = []
    this.recordLength = 0
    this.recordStarted = false
  }

  private append(piece: string): void {
    this.recordLength += piece.length
    if (this.recordLength > this.maxRecordChars) this.tooLong()
    this.field = this.field === '' ? piece : this.field + piece
  }

  private countLineBreaks(segment: string): void {
    if (segment.indexOf('\n') < 0 && segment.indexOf('\r') < 0) {
      this.quotedCr = false
      return
    }
    for (let k = 0; k < segment.length; k++) {
      const c = segment.charCodeAt(k)
      if (c === CR) this.line++
      else if (c === LF && !this.quotedCr) this.line++
      this.quotedCr = c === CR
    }
  }
}

function strayQuote(cell: number): RowProblem {
  return {
    message: `text after the closing quote of cell ${cell}: put the whole cell in quotes and double the quotes inside it ("12""34")`,
    details: reason('import.text_after_quote', { cell }),
  }
}
