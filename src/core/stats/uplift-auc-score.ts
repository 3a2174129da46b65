import { normalisedArea } from './normalised-area.ts'
import { perfectUpliftCurve } from './perfect-uplift-curve.ts'
import { upliftCurve } from './uplift-curve.ts'
import type { UpliftTable } from './uplift-table.ts'

/**
 * The area under the uplift curve (AUUC) as scikit-uplift 0.5 computes uplift_auc_score: the model's
 * area above the random line over the perfect uplift curve's (perfectUpliftCurve).
 */
export function upliftAucScore(table: UpliftTable): number {
  return normalisedArea(upliftCurve(table), perfectUpliftCurve(table))
}
