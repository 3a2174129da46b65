import { scoreSteps } from './score-steps.ts'
import type { CurvePoint, UpliftTable } from './uplift-table.ts'

/**
 * The Qini curve (Radcliffe 2007; scikit-uplift's qini_curve): after targeting the members down to
 * each distinct score, the treated responders minus the control responders scaled to the treated
 * count, Y_T − Y_C·N_T/N_C — incremental responders among those targeted (the control term is 0
 * while no control member is among them). Starts at (0, 0).
 */
export function qiniCurve(table: UpliftTable): CurvePoint[] {
  const points: CurvePoint[] = [{ x: 0, y: 0 }]
  for (const { members, treated, treatedResponders, controlResponders } of scoreSteps(table)) {
    const control = members - treated
    const scale = control === 0 ? 0 : treated / control
    points.push({ x: members, y: treatedResponders - controlResponders * scale })
  }
  return points
}
