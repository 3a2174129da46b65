import type { CurvePoint } from './uplift-table.ts'

/** The area under a curve by the trapezoidal rule (sklearn.metrics.auc), its points in increasing x. */
export function areaUnderCurve(points: readonly CurvePoint[]): number {
  let area = 0
  for (let i = 1; i < points.length; i++) area += ((points[i]!.x - points[i - 1]!.x) * (points[i]!.y + points[i - 1]!.y)) / 2
  return area
}
