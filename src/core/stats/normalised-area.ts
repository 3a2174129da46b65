import { areaUnderCurve } from './area-under-curve.ts'
import type { CurvePoint } from './uplift-table.ts'

/**
 * scikit-uplift's normalisation of a curve's area: the model's area above the random line over the
 * perfect curve's area above it — 1 for a perfect ranking, 0 for a random one, below 0 for a
 * ranking worse than random. The random line joins (0, 0) to the curves' common last point (everyone
 * targeted). Both outcomes and both groups present (checkUpliftTable), the perfect curve always lies
 * above that line, so the denominator is positive.
 */
export function normalisedArea(model: readonly CurvePoint[], perfect: readonly CurvePoint[]): number {
  const last = perfect[perfect.length - 1]!
  const random = (last.x * last.y) / 2
  return (areaUnderCurve(model) - random) / (areaUnderCurve(perfect) - random)
}
