import { reason } from '../../contract/reason-codes.ts'
import { statsInputError } from './stats-input-error.ts'

/** One arm of a comparison: its members and how many of them responded. */
export type ArmCounts = { n: number; x: number }

/** Members a whole number ≥ 1, responders a whole number in [0, members]; `arm` names the fields (`target_n`, `target_x`). */
export function checkArm(arm: 'target' | 'control', counts: ArmCounts): void {
  const { n, x } = counts
  if (!Number.isSafeInteger(n) || n < 1) throw statsInputError(reason('stats.bad_count', { field: `${arm}_n`, value: String(n) }))
  if (!Number.isSafeInteger(x) || x < 0) throw statsInputError(reason('stats.bad_count', { field: `${arm}_x`, value: String(x) }))
  if (x > n) throw statsInputError(reason('stats.responders_over_members', { field: `${arm}_x`, value: x, members: n }))
}
