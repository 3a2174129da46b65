import { stat } from 'node:fs/promises'
import { reason } from '../../contract/reason-codes.ts'
import { DomainError } from '../../core/domain-error.ts'
import { IMPORT_LIMITS } from '../../core/import/import-limits.ts'
import { checkXlsxLimits } from './check-xlsx-limits.ts'
import { FirstSheetReader } from './first-sheet-reader.ts'
import { isBlankRow, type ImportSource, type SourceRow } from './import-source.ts'

type SheetRow = { number: number; values: unknown[] }
type SheetEvent = { eventType: string; value: SheetRow }

/**
 * Opens the first worksheet of an XLSX workbook with exceljs's streaming reader: rows arrive as the
 * zip is inflated, never the whole sheet at once. Line numbers are the sheet's row numbers. The
 * workbook is first inflated once without being kept (checkXlsxLimits), so that a zip bomb is
 * refused before exceljs caches its shared strings.
 */
export async function openXlsxSource(path: string): Promise<ImportSource> {
  const bytesTotal = (await stat(path)).size
  await checkXlsxLimits(path)
  const workbook = new FirstSheetReader(path)
  const rows = readRows(workbook)
  try {
    const first = await nextNonBlank(rows)
    if (!first) throw new DomainError('import_failed', 'the workbook is empty: its first sheet has no rows', reason('import.empty_workbook'))
    const headers = first.rows[0].cells.map((cell) => cell.trim())
    let carried = first.rows.slice(1)

    async function* batches(): AsyncGenerator<SourceRow[]> {
      try {
        if (carried.length > 0) yield carried
        carried = []
        for (;;) {
          const next = await rows.next()
          if (next.done) return
          if (next.value.length > 0) yield next.value
        }
      } catch (error) {
        throw asImportError(error)
      } finally {
        workbook.close()
      }
    }

    return {
      format: 'xlsx',
      headers,
      encoding: () => null,
      delimiter: null,
      batches,
      invalidBytes: () => false,
      bytesRead: () => workbook.bytesRead,
      bytesTotal,
      close: () => workbook.close(),
    }
  } catch (error) {
    workbook.close()
    throw asImportError(error)
  }
}

async function* readRows(workbook: FirstSheetReader): AsyncGenerator<SourceRow[]> {
  for await (const worksheet of workbook) {
    const events = worksheet.parse() as unknown as AsyncIterable<SheetEvent[]>
    for await (const batch of events) {
      const rows: SourceRow[] = []
      for (const { eventType, value } of batch) {
        if (eventType !== 'row') continue
        const cells = rowCells(value)
        if (!isBlankRow(cells)) rows.push({ line: value.number, cells })
      }
      yield rows
    }
    return // the first worksheet only (the reader has no other)
  }
}

async function nextNonBlank(rows: AsyncGenerator<SourceRow[]>): Promise<{ rows: SourceRow[] } | undefined> {
  for (;;) {
    const next = await rows.next()
    if (next.done) return undefined
    if (next.value.length > 0) return { rows: next.value }
  }
}

/** A row's cells as text, refused past the limits a CSV record has (cells, characters). */
function rowCells(row: SheetRow): string[] {
  const { fields, recordChars } = IMPORT_LIMITS
  if (row.values.length - 1 > fields) {
    const message = `line ${row.number}: a row of more than ${fields.toLocaleString('en')} cells`
    throw new DomainError('import_failed', message, reason('import.too_many_cells', { line: row.number, limit: fields }))
  }
  // Cell by cell: one shared string may be referenced by every cell of the row, and rich text is
  // joined into a new string each time.
  const cells: string[] = []
  let chars = 0
  for (let i = 1; i < row.values.length; i++) {
    const text = cellText(row.values[i])
    chars += text.length
    if (chars > recordChars) {
      const message = `line ${row.number}: a row longer than ${recordChars.toLocaleString('en')} characters`
      throw new DomainError('import_failed', message, reason('import.row_too_long', { line: row.number, limit: recordChars }))
    }
    cells.push(text)
  }
  return cells
}

/** A cell as the text a CSV export would hold: dates ISO, numbers as JavaScript prints them. */
function cellText(value: unknown): string {
  if (value === null || value === undefined) return ''
  if (typeof value === 'string') return value
  if (typeof value === 'number' || typeof value === 'boolean') return String(value)
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return ''
    // A workbook keeps no time zone: a time cell is the wall clock it was written on, which
    // ExcelJS hands over read as UTC. It is given without an offset, so that the field's own rule
    // reads it (UTC for most; the bank's clock for a call log's times: import-fields.ts).
    const iso = value.toISOString()
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.slice(0, 19)
  }
  if (typeof value === 'object') {
    const cell = value as { richText?: { text: string }[]; text?: unknown; result?: unknown; error?: string }
    if (cell.richText) return cell.richText.map((part) => part.text).join('')
    if (cell.text !== undefined) return cellText(cell.text)
    if ('result' in cell) return cellText(cell.result)
    if (cell.error) return ''
  }
  return String(value)
}

function asImportError(error: unknown): unknown {
  if (error instanceof DomainError) return error
  return new DomainError('import_failed', `the workbook cannot be read: ${(error as Error).message}`, reason('import.unreadable_workbook', { detail: (error as Error).message }))
}
