import { describe, expect, it } from 'vitest'
import { benjaminiHochbergAdjust } from './benjamini-hochberg-adjust.ts'
import reference from './reference/stats_reference.json' with { type: 'json' }

// Known answers: statsmodels' multipletests(method='fdr_bh') (reference/stats_reference.py), and by
// hand: 0.01, 0.04, 0.03 sorted 0.01, 0.03, 0.04 → 3·0.04/3 = 0.04, min(0.04, 3·0.03/2 = 0.045) =
// 0.04, min(0.04, 3·0.01/1 = 0.03) = 0.03; in the input's order 0.03, 0.04, 0.04.

describe('benjaminiHochbergAdjust', () => {
  it('adjusts 0.01, 0.04, 0.03 to 0.03, 0.04, 0.04 in the input’s order', () => {
    expect(benjaminiHochbergAdjust([0.01, 0.04, 0.03]).map((p) => +p.toFixed(12))).toEqual([0.03, 0.04, 0.04])
  })

  it.each(reference.bh)('matches statsmodels for $p', ({ p, adjusted }) => {
    benjaminiHochbergAdjust(p).forEach((value, i) => expect(value).toBeCloseTo(adjusted[i]!, 14))
  })

  it('leaves a single p as it is and an empty list empty', () => {
    expect(benjaminiHochbergAdjust([0.2])).toEqual([0.2])
    expect(benjaminiHochbergAdjust([])).toEqual([])
  })
})
