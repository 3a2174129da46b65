import { describe, expect, it } from 'vitest'
import { holmAdjust } from './holm-adjust.ts'
import reference from './reference/stats_reference.json' with { type: 'json' }

// Known answers: statsmodels' multipletests(method='holm') (reference/stats_reference.py), and by hand:
// 0.01, 0.04, 0.03 → 3·0.01 = 0.03, max(0.03, 2·0.03) = 0.06, max(0.06, 1·0.04) = 0.06.

describe('holmAdjust', () => {
  it('adjusts 0.01, 0.04, 0.03 to 0.03, 0.06, 0.06 in the input’s order', () => {
    expect(holmAdjust([0.01, 0.04, 0.03]).map((p) => +p.toFixed(12))).toEqual([0.03, 0.06, 0.06])
  })

  it.each(reference.holm)('matches statsmodels for $p', ({ p, adjusted }) => {
    holmAdjust(p).forEach((value, i) => expect(value).toBeCloseTo(adjusted[i]!, 14))
  })

  it('leaves a single p as it is and an empty list empty', () => {
    expect(holmAdjust([0.2])).toEqual([0.2])
    expect(holmAdjust([])).toEqual([])
  })
})
