import { describe, expect, it } from 'vitest'
import { fisherExactTest } from './fisher-exact-test.ts'
import reference from './reference/stats_reference.json' with { type: 'json' }

// Known answers: Agresti, Categorical Data Analysis (2nd ed., §3.5.1), the tea-tasting table:
// two-sided p = 0.486; the rest from scipy.stats.fisher_exact (reference/stats_reference.py).

describe('fisherExactTest', () => {
  it('gives Agresti’s tea tasting [[3, 1], [1, 3]] p = 0.486', () => {
    expect(fisherExactTest({ n: 4, x: 3 }, { n: 4, x: 1 }).p).toBeCloseTo(0.4857, 4)
  })

  it.each(reference.fisher)('matches scipy for $table', ({ table, p }) => {
    const [[a, b], [c, d]] = table as [[number, number], [number, number]]
    const got = fisherExactTest({ n: a + b, x: a }, { n: c + d, x: c }).p
    expect(Math.abs(got - p) / p).toBeLessThan(1e-9)
  })
})
