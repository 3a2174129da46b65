import { areaUnderCurve } from './area-under-curve.ts'
import { qiniCurve } from './qini-curve.ts'
import type { UpliftTable } from './uplift-table.ts'

/**
 * The Qini area without normalisation, in incremental responders: the area between the model's
 * Qini curve and the random line with the share of members targeted (0 to 1) on x — how many more
 * responders the program gains, on average over every cut-off, by targeting on the score rather
 * than at random. Negative when the score ranks worse than random.
 */
export function qiniRawArea(table: UpliftTable): number {
  const curve = qiniCurve(table)
  const last = curve[curve.length - 1]!
  return (areaUnderCurve(curve) - (last.x * last.y) / 2) / last.x
}
