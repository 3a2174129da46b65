import { reason, type Reason } from '../../contract/reason-codes.ts'
import { describe } from '../../core/import/compile-row-validator.ts'
import type { CheckedRow } from './resolve-import-chunk.ts'

export type Refusal = { reason: string; reasons: Reason[] }

/** Why a row cannot create its record: fields a new record needs, blank or not in the file. */
export function missingForNewReason(row: CheckedRow, record: 'client' | 'holding' | 'region' | 'branch'): Refusal | undefined {
  const texts: string[] = []
  const reasons: Reason[] = []
  if (row.blankForNew.length > 0) {
    texts.push(`${row.blankForNew.map((b) => describe(b.header, b.field)).join(', ')}: required for a new ${record}, the cell is blank`)
    reasons.push(...row.blankForNew.map((b) => reason('import.required_for_new', { column: b.header, field: b.field })))
  }
  if (row.missingForNew.length > 0) {
    texts.push(`${row.missingForNew.join(', ')}: required for a new ${record}, the file has no such column`)
    reasons.push(...row.missingForNew.map((field) => reason('import.no_column_for_new', { field })))
  }
  return texts.length > 0 ? { reason: texts.join('; '), reasons } : undefined
}
