import { describe, expect, it } from 'vitest'
import { readHillstrom } from '../../../test/read-hillstrom.ts'
import { summarizeValues } from '../../../test/summarize-values.ts'
import { DomainError } from '../domain-error.ts'
import reference from './reference/stats_reference.json' with { type: 'json' }
import { welchInterval } from './welch-interval.ts'

// Known answers: statsmodels' CompareMeans(usevar='unequal') ttest_ind and tconfint_diff, checked
// against scipy's ttest_ind(equal_var=False) (reference/stats_reference.py).

describe('welchInterval', () => {
  it.each(reference.welch)('matches statsmodels: $name', (c) => {
    const result = welchInterval(c.target, c.control)
    expect(result.difference).toBeCloseTo(c.difference, 12)
    expect(result.df).toBeCloseTo(c.df, 8)
    expect(result.t).toBeCloseTo(c.t, 10)
    expect(Math.abs(result.p - c.p) / c.p).toBeLessThan(1e-8)
    expect(result.ci[0]).toBeCloseTo(c.ci[0]!, 10)
    expect(result.ci[1]).toBeCloseTo(c.ci[1]!, 10)
  })

  it('gives Hillstrom’s spend per customer, men’s e-mail against none, from the file: +$0.770, 95% CI [0.485, 1.055]', () => {
    const { mens, control } = readHillstrom()
    const result = welchInterval(summarizeValues(mens.spend), summarizeValues(control.spend))
    expect(result.difference.toFixed(3)).toBe('0.770')
    expect(result.ci.map((v) => v.toFixed(3))).toEqual(['0.485', '1.055'])
    expect(result.ci[0]).toBeCloseTo(reference.welch[0]!.ci[0]!, 10)
  })

  it('refuses arms with fewer than two members or no spread at all', () => {
    expect(() => welchInterval({ n: 1, mean: 3, variance: 0 }, { n: 5, mean: 2, variance: 1 })).toThrow(DomainError)
    expect(() => welchInterval({ n: 4, mean: 3, variance: 0 }, { n: 5, mean: 2, variance: 0 })).toThrow(/no spread/)
  })
})
