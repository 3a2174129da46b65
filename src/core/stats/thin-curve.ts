import type { CurvePoint } from './uplift-table.ts'

/**
 * At most `max` points of a curve for a chart, its first and last kept and the others picked
 * evenly by position: a Qini curve has a point per distinct score, tens of thousands on a big wave.
 */
export function thinCurve(points: readonly CurvePoint[], max: number): CurvePoint[] {
  if (points.length <= max) return [...points]
  return Array.from({ length: max }, (_, i) => points[Math.round((i * (points.length - 1)) / (max - 1))]!)
}
