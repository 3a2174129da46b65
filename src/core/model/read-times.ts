import { reason } from '../../contract/reason-codes.ts'
import { parseTimestampCell } from '../import/parse-timestamp-cell.ts'
import { modelInputError } from './model-input-error.ts'
import type { ModelTableRow } from './model-table.ts'
import { readNumberText } from './read-number-text.ts'

/**
 * The time column of a time-ordered split as sortable numbers. Its first cell decides how it is
 * read: a number (a month index, a Unix time) or a date or date and time as the imports read
 * them (dd.mm.yyyy, yyyy-mm-dd, with a time and an offset or not). A cell that is not of that kind,
 * or empty, is refused with its line.
 */
export function readTimes(rows: readonly ModelTableRow[], index: number, column: string): number[] {
  const first = rows.length === 0 ? '' : rows[0].cells[index]
  const asNumber = readNumberText(first) !== undefined
  return rows.map((row) => {
    const text = row.cells[index]
    const time = asNumber ? readNumberText(text) : timestampOf(text)
    if (time === undefined) throw modelInputError(reason('model.bad_time', { line: row.line, column, value: text }))
    return time
  })
}

function timestampOf(text: string): number | undefined {
  const iso = parseTimestampCell(text)
  return iso === undefined ? undefined : Date.parse(iso)
}
