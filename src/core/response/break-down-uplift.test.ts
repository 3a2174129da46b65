import { describe, expect, it } from 'vitest'
import { benjaminiHochbergAdjust } from '../stats/benjamini-hochberg-adjust.ts'
import { compareProportions } from '../stats/compare-proportions.ts'
import { holmAdjust } from '../stats/holm-adjust.ts'
import { breakDownUplift } from './break-down-uplift.ts'

// The comparison per level is the verdict's own (its known answers are compare-proportions'), and
// the adjustments Holm's and BH's (theirs are statsmodels'): this holds the wiring — each level
// against its own control, the adjustment over the compared levels only, in the levels' order.
const cells = [
  { level: 'mass', name: null, target: { n: 4000, x: 220 }, control: { n: 1000, x: 40 } },
  { level: 'premium', name: null, target: { n: 900, x: 50 }, control: { n: 100, x: 5 } },
  { level: 'private', name: null, target: { n: 30, x: 3 }, control: { n: 0, x: 0 } },
  { level: 'mass_affluent', name: null, target: { n: 1500, x: 90 }, control: { n: 300, x: 12 } },
]

describe('breakDownUplift', () => {
  it('compares each level to its own control and adjusts over the levels compared', () => {
    const { rows, skipped } = breakDownUplift(cells)
    expect(rows.map((r) => r.level)).toEqual(['mass', 'premium', 'mass_affluent'])
    expect(skipped.map((s) => s.level)).toEqual(['private'])
    const ps = [cells[0], cells[1], cells[3]].map((c) => compareProportions({ target: c!.target, control: c!.control }).p)
    expect(rows.map((r) => r.p)).toEqual(ps)
    expect(rows.map((r) => r.pHolm)).toEqual(holmAdjust(ps))
    expect(rows.map((r) => r.pBh)).toEqual(benjaminiHochbergAdjust(ps))
    // mass: 5.5% against 4.0%.
    expect(rows[0]).toMatchObject({ target: { rate: 0.055 }, control: { rate: 0.04 } })
    expect(rows[0]!.uplift).toBeCloseTo(0.015, 12)
    // An adjusted p is never below the raw one.
    for (const r of rows) expect(Math.min(r.pHolm, r.pBh)).toBeGreaterThanOrEqual(r.p)
  })

  it('has nothing to adjust when no level has both groups', () => {
    expect(breakDownUplift([cells[2]!])).toEqual({ rows: [], skipped: [cells[2]] })
  })
})
