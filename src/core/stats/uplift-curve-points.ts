import { checkUpliftTable } from './check-uplift-table.ts'
import { perfectQiniCurve } from './perfect-qini-curve.ts'
import { perfectUpliftCurve } from './perfect-uplift-curve.ts'
import { qiniCurve } from './qini-curve.ts'
import { upliftByScoreDecile, type ScoreDecile } from './uplift-by-score-decile.ts'
import type { UpliftColumns } from './uplift-columns.ts'
import { upliftCurve } from './uplift-curve.ts'
import type { CurvePoint, UpliftTable } from './uplift-table.ts'

/** A chart's three lines: the model's curve, the perfect one and the random line between their common ends. */
export type CurveSet = { model: CurvePoint[]; perfect: CurvePoint[]; random: [CurvePoint, CurvePoint] }

export type UpliftCurvePoints = { qini: CurveSet; uplift: CurveSet; deciles: ScoreDecile[] }

/**
 * What the model's evaluation charts draw: the Qini and uplift curves with their perfect curves and
 * random lines (one point per distinct score), and uplift by score decile.
 */
export function upliftCurvePoints(table: UpliftTable, columns?: UpliftColumns): UpliftCurvePoints {
  checkUpliftTable(table, columns)
  return {
    qini: curveSet(qiniCurve(table), perfectQiniCurve(table)),
    uplift: curveSet(upliftCurve(table), perfectUpliftCurve(table)),
    deciles: upliftByScoreDecile(table),
  }
}

function curveSet(model: CurvePoint[], perfect: CurvePoint[]): CurveSet {
  return { model, perfect, random: [{ x: 0, y: 0 }, perfect[perfect.length - 1]!] }
}
