import type { CurvePoint, UpliftTable } from './uplift-table.ts'
import { upliftCurve } from './uplift-curve.ts'

/**
 * The best uplift curve the outcomes allow (scikit-uplift's perfect_uplift_curve): treated
 * responders and control non-responders first; then, of control responders and treated
 * non-responders, the more numerous group first — control responders' rank y, treated
 * non-responders' t, as scikit-uplift ranks them by 2·[y = t] + (y or t).
 */
export function perfectUpliftCurve({ treatment, outcome }: Omit<UpliftTable, 'score'>): CurvePoint[] {
  let controlResponders = 0
  let treatedNonResponders = 0
  outcome.forEach((y, i) => {
    if (y === 1 && treatment[i] === 0) controlResponders++
    if (y === 0 && treatment[i] === 1) treatedNonResponders++
  })
  const summand = controlResponders > treatedNonResponders ? outcome : treatment
  const score = outcome.map((y, i) => 2 * (y === treatment[i] ? 1 : 0) + summand[i]!)
  return upliftCurve({ score, treatment, outcome })
}
