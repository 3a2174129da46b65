import { reason, type AnyReason } from '../../contract/reason-codes.ts'
import { DomainError } from '../domain-error.ts'

export type WorksheetRowScannerInput = { maxCells: number; maxRowBytes: number }

const LT = 0x3c
const GT = 0x3e
const SLASH = 0x2f
/** Bytes looked at after a '<' before the tag is judged; a tag cut by the chunk's end waits for the next. */
const LOOKAHEAD = 256

/**
 * Reads the XML of a worksheet as it is inflated, without parsing it, and refuses a row of more
 * than maxCells `<c>` elements or more than maxRowBytes bytes, before exceljs builds that row in
 * memory (a row of a million empty `<c/>` is 4 MB of XML and far more as cell objects). Rows are
 * numbered by their `r` attribute, else one after the previous, as exceljs numbers them.
 */
export class WorksheetRowScanner {
  private readonly maxCells: number
  private readonly maxRowBytes: number
  private carry: Uint8Array = new Uint8Array(0)
  /** Offset in the part of the first byte of the text being scanned. */
  private offset = 0
  private rowStart = -1
  private row = 0
  private cells = 0

  constructor(input: WorksheetRowScannerInput) {
    this.maxCells = input.maxCells
    this.maxRowBytes = input.maxRowBytes
  }

  push(chunk: Uint8Array): void {
    const bytes = this.carry.length > 0 ? concat(this.carry, chunk) : chunk
    let i = bytes.indexOf(LT)
    let scanned = bytes.length
    while (i >= 0) {
      if (bytes.length - i < LOOKAHEAD) {
        scanned = i
        break
      }
      this.tag(bytes, i)
      i = bytes.indexOf(LT, i + 1)
    }
    this.carry = bytes.slice(scanned)
    this.offset += scanned
    if (this.rowStart >= 0) this.checkRowBytes(this.offset)
  }

  end(): void {
    const rest = this.carry
    this.carry = new Uint8Array(0)
    for (let i = rest.indexOf(LT); i >= 0; i = rest.indexOf(LT, i + 1)) this.tag(rest, i)
  }

  private tag(bytes: Uint8Array, i: number): void {
    const at = this.offset + i
    if (isName(bytes, i + 1, 'c')) {
      if (this.rowStart >= 0 && ++this.cells > this.maxCells) {
        const limit = this.maxCells
        this.refuse(reason('import.too_many_cells', { line: this.row, limit }), `a row of more than ${limit.toLocaleString('en')} cells`)
      }
    } else if (isName(bytes, i + 1, 'row')) {
      if (this.rowStart >= 0) this.checkRowBytes(at)
      this.row = rowNumber(bytes, i + 4) ?? this.row + 1
      this.rowStart = at
      this.cells = 0
    } else if (bytes[i + 1] === SLASH && isName(bytes, i + 2, 'row')) {
      this.checkRowBytes(at)
      this.rowStart = -1
    }
  }

  private checkRowBytes(at: number): void {
    if (at - this.rowStart <= this.maxRowBytes) return
    const megabytes = (this.maxRowBytes / 1024 ** 2).toLocaleString('en')
    this.refuse(reason('import.row_xml_too_long', { line: this.row, limit: this.maxRowBytes }), `a row whose XML is longer than ${megabytes} MB`)
  }

  private refuse(details: AnyReason, what: string): never {
    throw new DomainError('import_failed', `line ${this.row}: ${what}: the workbook cannot be imported`, details)
  }
}

/** Whether bytes at i hold the element name followed by a space, '>' or '/'. */
function isName(bytes: Uint8Array, i: number, name: string): boolean {
  for (let k = 0; k < name.length; k++) if (bytes[i + k] !== name.charCodeAt(k)) return false
  const after = bytes[i + name.length]
  return after === GT || after === SLASH || after === 0x20 || after === 0x09 || after === 0x0a || after === 0x0d
}

/** The value of the r="…" attribute of a <row> tag whose attributes start at i, if it has one. */
function rowNumber(bytes: Uint8Array, i: number): number | undefined {
  const end = Math.min(bytes.length, i + LOOKAHEAD - 4)
  for (let k = i; k + 3 < end && bytes[k] !== GT; k++) {
    const spaced = bytes[k] === 0x20 || bytes[k] === 0x09 || bytes[k] === 0x0a || bytes[k] === 0x0d
    if (!spaced || bytes[k + 1] !== 0x72 || bytes[k + 2] !== 0x3d || bytes[k + 3] !== 0x22) continue // ' r="'
    let n = 0
    let digits = 0
    for (let d = k + 4; d < end && bytes[d] >= 0x30 && bytes[d] <= 0x39 && digits < 9; d++, digits++) n = n * 10 + bytes[d] - 0x30
    return digits > 0 ? n : undefined
  }
  return undefined
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length)
  out.set(a, 0)
  out.set(b, a.length)
  return out
}
