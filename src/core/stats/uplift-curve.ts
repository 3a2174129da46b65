import { scoreSteps } from './score-steps.ts'
import type { CurvePoint, UpliftTable } from './uplift-table.ts'

/**
 * The uplift curve (scikit-uplift's uplift_curve): after targeting the members down to each
 * distinct score, the difference of the treated and control response rates times the members
 * targeted, (Y_T/N_T − Y_C/N_C)·N (a group's rate is 0 while it has no member there). Starts at (0, 0).
 */
export function upliftCurve(table: UpliftTable): CurvePoint[] {
  const points: CurvePoint[] = [{ x: 0, y: 0 }]
  for (const { members, treated, treatedResponders, controlResponders } of scoreSteps(table)) {
    const control = members - treated
    const treatedRate = treated === 0 ? 0 : treatedResponders / treated
    const controlRate = control === 0 ? 0 : controlResponders / control
    points.push({ x: members, y: (treatedRate - controlRate) * members })
  }
  return points
}
