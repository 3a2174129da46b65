import { describe, expect, it } from 'vitest'
import { DomainError } from '../domain-error.ts'
import reference from './reference/stats_reference.json' with { type: 'json' }
import { sampleRatioMismatch } from './sample-ratio-mismatch.ts'

// Known answers: scipy.stats.chisquare(counts, f_exp=designed) (reference/stats_reference.py).

describe('sampleRatioMismatch', () => {
  it.each(reference.srm)('matches scipy for $target / $control against a control share of $control_share', (c) => {
    const result = sampleRatioMismatch({ target: c.target, control: c.control, controlShare: c.control_share })
    expect(result.chi2).toBeCloseTo(c.chi2, 10)
    expect(Math.abs(result.p - c.p) / c.p).toBeLessThan(1e-9)
    expect(result.blocked).toBe(c.p < 0.001)
  })

  it('blocks 9,200 / 800 against a designed 10% (p ≈ 2.6·10⁻¹¹) and passes 50,500 / 49,500 at 50% (p = 0.0016)', () => {
    expect(sampleRatioMismatch({ target: 9200, control: 800, controlShare: 0.1 }).blocked).toBe(true)
    expect(sampleRatioMismatch({ target: 50500, control: 49500, controlShare: 0.5 }).blocked).toBe(false)
  })

  it('keeps a gross mismatch’s tiny p instead of rounding it to 0', () => {
    // χ² = 160: 1 − CDF would give 0; scipy.stats.chi2.sf(160, 1) = 1.13148·10⁻³⁶.
    const { p } = sampleRatioMismatch({ target: 52000, control: 48000, controlShare: 0.5 })
    expect(p / 1.1314837902433038e-36).toBeCloseTo(1, 9)
  })

  it('refuses a control share of 0 or 1 and negative counts', () => {
    expect(() => sampleRatioMismatch({ target: 10, control: 0, controlShare: 0 })).toThrow(DomainError)
    expect(() => sampleRatioMismatch({ target: -1, control: 5, controlShare: 0.5 })).toThrow(/target_n/)
  })
})
