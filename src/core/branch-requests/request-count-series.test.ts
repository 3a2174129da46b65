import { describe, expect, it } from 'vitest'
import { monthsBetween, requestCountSeries } from './request-count-series.ts'

describe('monthsBetween', () => {
  it.each([
    ['2025-11', '2026-02', ['2025-11', '2025-12', '2026-01', '2026-02']],
    ['2026-03', '2026-03', ['2026-03']],
    ['2026-04', '2026-03', []],
  ])('%s..%s', (from, to, expected) => expect(monthsBetween(from, to)).toEqual(expected))
})

describe('requestCountSeries', () => {
  it('fills the months nobody asked with zeros and puts the largest group first', () => {
    const rows = [
      { month: '2026-01', key: 'mass', label: null, n: 2 },
      { month: '2026-03', key: 'mass', label: null, n: 1 },
      { month: '2026-02', key: 'premium', label: null, n: 5 },
      { month: '2025-06', key: 'premium', label: null, n: 9 },
    ]
    expect(requestCountSeries(rows, ['2026-01', '2026-02', '2026-03'])).toEqual([
      { key: 'premium', label: null, counts: [0, 5, 0], total: 5 },
      { key: 'mass', label: null, counts: [2, 0, 1], total: 3 },
    ])
  })
})
