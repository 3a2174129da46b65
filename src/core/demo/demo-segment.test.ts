import { describe, expect, it } from 'vitest'
import { demoSegment } from './demo-segment.ts'

describe('demoSegment', () => {
  it.each([
    [50_000, 100_000, 'mass'],
    [null, 0, 'mass'],
    [119_999, 599_999, 'mass'],
    [120_000, 0, 'mass_affluent'],
    [60_000, 600_000, 'mass_affluent'],
    [60_000, 3_000_000, 'premium'],
    [400_000, 0, 'premium'],
    [null, 30_000_000, 'private'],
    [1_500_000, 0, 'private'],
  ] as const)('income %s, balances %s → %s', (monthlyIncome, balances, segment) => {
    expect(demoSegment({ monthlyIncome, balances })).toBe(segment)
  })
})
