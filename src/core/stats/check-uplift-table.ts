import { reason } from '../../contract/reason-codes.ts'
import { statsInputError } from './stats-input-error.ts'
import { DEFAULT_UPLIFT_COLUMNS, type UpliftColumns } from './uplift-columns.ts'
import type { UpliftTable } from './uplift-table.ts'

/**
 * Refuses a table the metrics cannot judge, as scikit-uplift's check_is_binary does: both treated
 * and control members, both responders and non-responders. Named by the file's columns.
 */
export function checkUpliftTable(table: UpliftTable, columns: UpliftColumns = DEFAULT_UPLIFT_COLUMNS): void {
  if (table.score.length === 0) throw statsInputError(reason('stats.no_rows'))
  const only = (values: readonly (0 | 1)[]) => (values.includes(0) ? (values.includes(1) ? null : 0) : 1)
  const treatment = only(table.treatment)
  if (treatment !== null) throw statsInputError(reason('stats.one_group', { column: columns.treatment, value: treatment }))
  const outcome = only(table.outcome)
  if (outcome !== null) throw statsInputError(reason('stats.one_outcome', { column: columns.outcome, value: outcome }))
}
