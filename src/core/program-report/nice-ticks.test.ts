import { describe, expect, it } from 'vitest'
import { niceTicks } from './nice-ticks.ts'

// Hand-checked: a step of 1, 2 or 5 × 10ⁿ, about five intervals, the ends covered.
describe('niceTicks', () => {
  it.each<{ min: number; max: number; count?: number; ticks: number[] }>([
    { min: 0, max: 100, ticks: [0, 20, 40, 60, 80, 100] },
    { min: -83_150, max: 76_950, ticks: [-100_000, -50_000, 0, 50_000, 100_000] },
    { min: 0.0015, max: 0.039, ticks: [0, 0.01, 0.02, 0.03, 0.04] },
    { min: -0.012, max: 0.05, ticks: [-0.02, 0, 0.02, 0.04, 0.06] },
    { min: 5, max: 5, ticks: [0, 1, 2, 3, 4, 5] },
    { min: 0, max: 0, ticks: [-1, -0.5, 0, 0.5, 1] },
    // The top bar of a tornado must end inside the axis: 2.2 million needs a tick of 3 million.
    { min: 0, max: 2_227_000, count: 4, ticks: [0, 1_000_000, 2_000_000, 3_000_000] },
  ])('$min … $max', ({ min, max, count, ticks }) => {
    expect(niceTicks(min, max, count)).toEqual(ticks)
  })
})
