import { reason, type Reason } from '../../../contract/reason-codes.ts'
import { HILLSTROM_ARMS, HILLSTROM_CONTROL_SEGMENT, HILLSTROM_HEADER, type HillstromArm } from './hillstrom-experiment.ts'

/** One customer of the experiment as the import needs it. */
export type HillstromRow = {
  /** The data row's number, 1 for the first row after the header. */
  row: number
  group: { arm: HillstromArm } | 'control'
  visit: boolean
  conversion: boolean
  /** Dollars, as the file writes them (at most two decimals). */
  spend: string
}

export type HillstromRowCheck = { ok: true; row: HillstromRow } | { ok: false; reason: Reason<'import.hillstrom_bad_cell'> }

const SEGMENTS = [...HILLSTROM_ARMS.map((a) => a.segment), HILLSTROM_CONTROL_SEGMENT]
const AMOUNT = /^(0|[1-9]\d{0,9})(\.\d{1,2})?$/

/** The header must be the published one, in its order: anything else is another file. */
export function checkHillstromHeader(header: readonly string[]): Reason<'import.hillstrom_bad_header'> | undefined {
  const same = header.length === HILLSTROM_HEADER.length && header.every((h, i) => h.trim() === HILLSTROM_HEADER[i])
  return same ? undefined : reason('import.hillstrom_bad_header', { columns: HILLSTROM_HEADER.join(',') })
}

/**
 * Checks the cells the program reads — segment, visit, conversion, spend — and that spend is paid
 * exactly by the converted (so a conversion's value is the customer's spend). `line` is the file's
 * line (the header is line 1), `row` the data row.
 */
export function checkHillstromRow(cells: Record<string, string>, position: { line: number; row: number }): HillstromRowCheck {
  const bad = (column: string, rule: string): HillstromRowCheck => ({ ok: false, reason: reason('import.hillstrom_bad_cell', { line: position.line, column, value: cells[column] ?? '', rule }) })
  const segment = cells.segment ?? ''
  if (!SEGMENTS.includes(segment)) return bad('segment', SEGMENTS.join(' | '))
  for (const column of ['visit', 'conversion'] as const) if (cells[column] !== '0' && cells[column] !== '1') return bad(column, '0 | 1')
  const spend = cells.spend ?? ''
  if (!AMOUNT.test(spend)) return bad('spend', '≥ 0, cents')
  const converted = cells.conversion === '1'
  if (converted !== Number(spend) > 0) return bad('spend', converted ? '> 0 (conversion = 1)' : '0 (conversion = 0)')
  if (converted && cells.visit !== '1') return bad('visit', '1 (conversion = 1)')
  const arm = HILLSTROM_ARMS.find((a) => a.segment === segment)?.arm
  return { ok: true, row: { row: position.row, group: arm ? { arm } : 'control', visit: cells.visit === '1', conversion: converted, spend } }
}
