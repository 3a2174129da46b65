import type { RowProblem } from '../../core/import/row-problem.ts'

/** One data row of a file: its line (the header is line 1; XLSX: the row number) and its cells. */
export type SourceRow = { line: number; cells: string[]; problem?: RowProblem }

/** A file opened for import: its header read, its rows streamed in batches as they are parsed. */
export type ImportSource = {
  format: 'csv' | 'xlsx'
  headers: string[]
  /** The text encoding (CSV only; 'utf-8' while only ASCII has been read). */
  encoding(): string | null
  delimiter: string | null
  /** Data rows, blank rows left out, in batches of whatever one read produced. Read once. */
  batches(): AsyncIterable<SourceRow[]>
  /** Whether some bytes were not valid in the encoding (their cells hold U+FFFD; their rows have a problem). */
  invalidBytes(): boolean
  bytesRead(): number
  bytesTotal: number
  close(): void
}

/** A row is blank when every cell is empty or spaces (exports pad with ';;;;' lines). */
export function isBlankRow(cells: readonly string[]): boolean {
  for (const cell of cells) if (cell !== '' && cell.trim() !== '') return false
  return true
}
