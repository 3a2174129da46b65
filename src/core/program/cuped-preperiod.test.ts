import { describe, expect, it } from 'vitest'
import { cupedPreperiod } from './cuped-preperiod.ts'

// By hand: the window's days over 30.4375 (365.25 / 12), rounded, at least one month.
describe('cupedPreperiod', () => {
  it.each([
    { asOf: '2026-03-01', days: 30, expected: { from: '2026-02-01', until: '2026-03-01', months: 1 } },
    { asOf: '2026-03-31', days: 30, expected: { from: '2026-02-01', until: '2026-03-01', months: 1 } },
    { asOf: '2026-03-15', days: 7, expected: { from: '2026-02-01', until: '2026-03-01', months: 1 } },
    { asOf: '2026-02-10', days: 90, expected: { from: '2025-11-01', until: '2026-02-01', months: 3 } },
    { asOf: '2026-01-20', days: 45, expected: { from: '2025-12-01', until: '2026-01-01', months: 1 } },
    { asOf: '2026-01-20', days: 46, expected: { from: '2025-11-01', until: '2026-01-01', months: 2 } },
    { asOf: '2026-12-05', days: 365, expected: { from: '2025-12-01', until: '2026-12-01', months: 12 } },
  ])('$days days before a wave for $asOf: $expected.from … $expected.until', ({ asOf, days, expected }) => {
    expect(cupedPreperiod({ asOf, days })).toEqual(expected)
  })
})
