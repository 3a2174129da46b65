import { qiniCurve } from './qini-curve.ts'
import type { CurvePoint, UpliftTable } from './uplift-table.ts'

/**
 * The best Qini curve the outcomes allow, with negative effects (scikit-uplift's perfect_qini_curve,
 * negative_effect=True): the treated responders first, then everyone who did not respond, and the
 * control responders — who may have been put off by a contact — last.
 */
export function perfectQiniCurve({ treatment, outcome }: Omit<UpliftTable, 'score'>): CurvePoint[] {
  const score = outcome.map((y, i) => (y === 0 ? 0 : treatment[i] === 1 ? 1 : -1))
  return qiniCurve({ score, treatment, outcome })
}
