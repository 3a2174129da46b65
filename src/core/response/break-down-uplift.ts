import { benjaminiHochbergAdjust } from '../stats/benjamini-hochberg-adjust.ts'
import { compareProportions } from '../stats/compare-proportions.ts'
import { holmAdjust } from '../stats/holm-adjust.ts'

export type BreakdownCell = { level: string; name: string | null; target: { n: number; x: number }; control: { n: number; x: number } }

export type BrokenDownRow = {
  level: string
  name: string | null
  target: { n: number; x: number; rate: number }
  control: { n: number; x: number; rate: number }
  uplift: number
  ci: [number, number]
  p: number
  pHolm: number
  pBh: number
}

/**
 * Uplift per level of a breakdown, each level's target against its own control (the same
 * comparison as the verdict's, core/stats/compare-proportions.ts), with the p-values adjusted
 * over the levels compared: with ten levels, one in four pilots without any effect would show at
 * least one "significant" level at 5% by chance alone (1 − 0.95¹⁰ ≈ 0.40 for independent tests).
 * Holm keeps the chance of any false finding at α; Benjamini–Hochberg the share of false findings
 * among those called significant. A level with no member in one group is skipped, not compared.
 */
export function breakDownUplift(cells: readonly BreakdownCell[], alpha = 0.05): { rows: BrokenDownRow[]; skipped: BreakdownCell[] } {
  const compared = cells.filter((c) => c.target.n > 0 && c.control.n > 0)
  const skipped = cells.filter((c) => !(c.target.n > 0 && c.control.n > 0))
  const comparisons = compared.map((c) => compareProportions({ target: c.target, control: c.control, alpha }))
  const holm = holmAdjust(comparisons.map((c) => c.p))
  const bh = benjaminiHochbergAdjust(comparisons.map((c) => c.p))
  const rows = compared.map((c, i) => {
    const r = comparisons[i]!
    return { level: c.level, name: c.name, target: r.target, control: r.control, uplift: r.uplift, ci: r.ci, p: r.p, pHolm: holm[i]!, pBh: bh[i]! }
  })
  return { rows, skipped }
}
