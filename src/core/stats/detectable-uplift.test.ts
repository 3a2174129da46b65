import { describe, expect, it } from 'vitest'
import { DomainError } from '../domain-error.ts'
import { detectableUplift } from './detectable-uplift.ts'
import { pilotSize } from './pilot-size.ts'
import reference from './reference/stats_reference.json' with { type: 'json' }

// Known answers: statsmodels' power_proportions_2indep solved for the difference with brentq
// (reference/stats_reference.py).

describe('detectableUplift', () => {
  it.each(reference.detectable_uplift)('matches statsmodels for $target / $control at $baseline, α $alpha, power $power', (c) => {
    const uplift = detectableUplift({ baseline: c.baseline, target: c.target, control: c.control, alpha: c.alpha, power: c.power })
    expect(uplift).toBeCloseTo(c.uplift, 6)
  })

  it('inverts pilotSize: the sized pilot detects the uplift it was sized for, and a little less', () => {
    const size = pilotSize({ baseline: 0.05, uplift: 0.01, alpha: 0.05, power: 0.8, controlShare: 0.1 })
    const uplift = detectableUplift({ baseline: 0.05, target: size.target, control: size.control, alpha: 0.05, power: 0.8 })
    expect(uplift).toBeLessThan(0.01)
    expect(uplift).toBeGreaterThan(0.0099)
  })

  it('refuses groups too small for any uplift, and sizes that are not whole members', () => {
    const tiny = () => detectableUplift({ baseline: 0.9, target: 3, control: 2, alpha: 0.05, power: 0.8 })
    expect(tiny).toThrow(DomainError)
    expect(tiny).toThrow(/no uplift up to a rate of 1/)
    expect(() => detectableUplift({ baseline: 0.1, target: 10.5, control: 10, alpha: 0.05, power: 0.8 })).toThrow(/target_n must be a whole number/)
    expect(() => detectableUplift({ baseline: 0.1, target: 100, control: 0, alpha: 0.05, power: 0.8 })).toThrow(/control_n/)
  })
})
