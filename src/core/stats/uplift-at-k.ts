import { reason } from '../../contract/reason-codes.ts'
import { countUpliftGroups } from './count-uplift-groups.ts'
import { overallOrder } from './overall-order.ts'
import { statsInputError } from './stats-input-error.ts'
import type { UpliftTable } from './uplift-table.ts'

/**
 * Uplift at k as scikit-uplift 0.5 computes uplift_at_k with strategy='overall': of the first
 * ⌊n·k⌋ members by score (overallOrder), the treated members' response rate minus the control
 * members'. null where scikit-uplift gives NaN: one of the groups has no member among them.
 */
export function upliftAtK(table: UpliftTable, k: number): number | null {
  if (!(k > 0 && k < 1)) throw statsInputError(reason('stats.bad_k', { value: String(k) }))
  const top = overallOrder(table.score).slice(0, Math.trunc(table.score.length * k))
  const { treated, treatedResponders, control, controlResponders } = countUpliftGroups(table, top)
  if (treated === 0 || control === 0) return null
  return treatedResponders / treated - controlResponders / control
}
