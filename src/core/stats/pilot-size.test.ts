import { describe, expect, it } from 'vitest'
import { DomainError } from '../domain-error.ts'
import { pilotSize } from './pilot-size.ts'
import reference from './reference/stats_reference.json' with { type: 'json' }

// Known answers: issue 7's reference points, and statsmodels' samplesize_proportions_2indep_onetail
// (reference/stats_reference.py, printed into stats_reference.json).

describe('pilotSize', () => {
  it('gives 8,158 per group for 5% → 6% at α 0.05, power 0.8, equal groups', () => {
    expect(pilotSize({ baseline: 0.05, uplift: 0.01, alpha: 0.05, power: 0.8, controlShare: 0.5 })).toMatchObject({ target: 8158, control: 8158 })
  })

  it('gives 41,855 target and 4,651 control with a 10% control share, each group rounded up on its own', () => {
    const size = pilotSize({ baseline: 0.05, uplift: 0.01, alpha: 0.05, power: 0.8, controlShare: 0.1 })
    expect(size).toMatchObject({ target: 41855, control: 4651 })
    expect(size.exact.target).toBeCloseTo(41854.8794, 4)
    expect(size.exact.control).toBeCloseTo(4650.5422, 4)
  })

  it.each(reference.pilot_size)('matches statsmodels for $baseline + $uplift, α $alpha, power $power, control share $control_share', (c) => {
    const size = pilotSize({ baseline: c.baseline, uplift: c.uplift, alpha: c.alpha, power: c.power, controlShare: c.control_share })
    expect(size.exact.target / c.target_exact).toBeCloseTo(1, 9)
    expect(size.exact.control / c.control_exact).toBeCloseTo(1, 9)
    expect(size.target).toBe(Math.ceil(c.target_exact))
    expect(size.control).toBe(Math.ceil(c.control_exact))
  })

  const good = { baseline: 0.05, uplift: 0.01, alpha: 0.05, power: 0.8, controlShare: 0.5 }
  it.each([
    [{ baseline: 0 }, 'stats.bad_rate', 'baseline'],
    [{ baseline: 1 }, 'stats.bad_rate', 'baseline'],
    [{ baseline: Number.NaN }, 'stats.bad_rate', 'baseline'],
    [{ uplift: 0 }, 'stats.zero_uplift', 'uplift'],
    [{ uplift: 0.95 }, 'stats.rate_beyond_bounds', undefined],
    [{ uplift: -0.05 }, 'stats.rate_beyond_bounds', undefined],
    [{ controlShare: 0 }, 'stats.bad_share', 'control_share'],
    [{ controlShare: 1 }, 'stats.bad_share', 'control_share'],
    [{ alpha: 0 }, 'stats.bad_level', 'alpha'],
    [{ alpha: 1.5 }, 'stats.bad_level', 'alpha'],
    [{ power: 1 }, 'stats.bad_level', 'power'],
    [{ power: 0.3 }, 'stats.low_power', undefined],
    [{ uplift: 1e-7 }, 'stats.too_large', 'uplift'],
  ])('refuses %o with %s', (change, code, field) => {
    const run = () => pilotSize({ ...good, ...change })
    expect(run).toThrow(DomainError)
    try {
      run()
    } catch (error) {
      expect((error as DomainError).code).toBe('invalid_input')
      expect((error as DomainError).details).toMatchObject({ code, ...(field ? { field } : {}) })
    }
  })
})
