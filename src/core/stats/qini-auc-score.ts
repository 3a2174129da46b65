import { normalisedArea } from './normalised-area.ts'
import { perfectQiniCurve } from './perfect-qini-curve.ts'
import { qiniCurve } from './qini-curve.ts'
import type { UpliftTable } from './uplift-table.ts'

/**
 * The Qini coefficient as scikit-uplift 0.5 computes qini_auc_score (negative_effect=True): the
 * model's Qini area above the random line over the perfect Qini curve's (perfectQiniCurve).
 */
export function qiniAucScore(table: UpliftTable): number {
  return normalisedArea(qiniCurve(table), perfectQiniCurve(table))
}
