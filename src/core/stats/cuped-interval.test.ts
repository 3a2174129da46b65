import { describe, expect, it } from 'vitest'
import { readHillstrom } from '../../../test/read-hillstrom.ts'
import { summarizeValues } from '../../../test/summarize-values.ts'
import { DomainError } from '../domain-error.ts'
import { cupedInterval } from './cuped-interval.ts'
import reference from './reference/stats_reference.json' with { type: 'json' }

// Known answers: numpy adjusts every member's Y by θ pooled over both groups, then statsmodels'
// Welch interval on the adjusted values (reference/stats_reference.py) — the TypeScript works from
// the arms' summaries only, so agreement also checks the pooling of moments.

const toSummary = (s: { n: number; mean: number; variance: number; mean_x: number; variance_x: number; covariance: number }) => ({
  n: s.n, mean: s.mean, variance: s.variance, meanX: s.mean_x, varianceX: s.variance_x, covariance: s.covariance,
})

describe('cupedInterval', () => {
  it.each(reference.cuped)('matches numpy + statsmodels: $name', (c) => {
    const result = cupedInterval(toSummary(c.target), toSummary(c.control))
    expect(result.theta / c.theta).toBeCloseTo(1, 10)
    expect(result.adjusted.difference).toBeCloseTo(c.after.difference, 9)
    expect(result.adjusted.ci[0]).toBeCloseTo(c.after.ci[0]!, 9)
    expect(result.adjusted.ci[1]).toBeCloseTo(c.after.ci[1]!, 9)
    expect(result.unadjusted.ci[0]).toBeCloseTo(c.before.ci[0]!, 9)
    expect(result.varianceReduction).toBeCloseTo(c.variance_reduction, 9)
    expect(result.widthRatio).toBeCloseTo(c.width_ratio, 9)
  })

  it('narrows the synthetic balances’ interval to about 29% of its width (variance down 92%)', () => {
    const synthetic = reference.cuped[1]!
    const result = cupedInterval(toSummary(synthetic.target), toSummary(synthetic.control))
    expect(result.varianceReduction).toBeGreaterThan(0.9)
    expect(result.widthRatio).toBeLessThan(0.3)
  })

  it('barely moves Hillstrom’s spend with its weak pre-period history, from the file', () => {
    const { mens, control } = readHillstrom()
    const result = cupedInterval(summarizeValues(mens.spend, mens.history), summarizeValues(control.spend, control.history))
    expect(result.theta).toBeCloseTo(reference.cuped[0]!.theta, 12)
    expect(result.varianceReduction).toBeGreaterThan(0)
    expect(result.varianceReduction).toBeLessThan(0.001)
  })

  it('refuses a covariate with no spread', () => {
    const arm = { n: 10, mean: 1, variance: 1, meanX: 5, varianceX: 0, covariance: 0 }
    expect(() => cupedInterval(arm, arm)).toThrow(DomainError)
  })
})
