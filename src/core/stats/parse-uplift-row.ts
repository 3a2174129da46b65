import { reason } from '../../contract/reason-codes.ts'
import { parseNumberCell } from '../import/parse-number-cell.ts'
import type { UpliftColumnIndexes } from './locate-uplift-columns.ts'
import { statsInputError } from './stats-input-error.ts'
import type { UpliftColumns } from './uplift-columns.ts'

export type UpliftRow = { score: number; treatment: 0 | 1; outcome: 0 | 1 }

export type ParseUpliftRowInput = { cells: readonly string[]; line: number; at: UpliftColumnIndexes; columns: UpliftColumns }

// Models write scores as 0.0123, 0,0123 (a Russian Excel) or 1.23e-05 (Python, R).
const EXPONENT = /^[+-]?(?:\d+(?:[.,]\d*)?|[.,]\d+)[eE][+-]?\d+$/

/** One member's cells as numbers, or a refusal naming the line and the column. */
export function parseUpliftRow({ cells, line, at, columns }: ParseUpliftRowInput): UpliftRow {
  const scoreText = (cells[at.score] ?? '').trim()
  const score = parseScore(scoreText)
  if (score === undefined) throw statsInputError(reason('stats.not_score', { column: columns.score, line, value: scoreText }))
  return {
    score,
    treatment: parseBinary(cells[at.treatment], line, columns.treatment),
    outcome: parseBinary(cells[at.outcome], line, columns.outcome),
  }
}

function parseScore(text: string): number | undefined {
  const plain = parseNumberCell(text, 300)
  const value = plain !== undefined ? Number(plain) : EXPONENT.test(text) ? Number(text.replace(',', '.')) : Number.NaN
  return Number.isFinite(value) ? value : undefined
}

function parseBinary(cell: string | undefined, line: number, column: string): 0 | 1 {
  const text = (cell ?? '').trim()
  const value = parseNumberCell(text)
  if (value !== undefined && Number(value) === 0) return 0
  if (value !== undefined && Number(value) === 1) return 1
  throw statsInputError(reason('stats.not_binary', { column, line, value: text }))
}
