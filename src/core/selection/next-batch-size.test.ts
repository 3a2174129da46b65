import { describe, expect, it } from 'vitest'
import { nextBatchSize } from './next-batch-size.ts'

// Hand-computed against a target of 300 ms within [100, 5000].
describe('nextBatchSize', () => {
  it.each([
    [1000, 300, 1000], // on target: unchanged
    [1000, 600, 500], // twice too slow: halved
    [1000, 3000, 100], // ten times too slow: 100
    [1000, 30_000, 100], // far too slow: the minimum
    [1000, 100, 2000], // three times too fast: doubled, not tripled
    [4000, 10, 5000], // the maximum
    [1000, 0, 2000], // a zero time counts as 1 ms
  ])('after %i clients in %i ms: %i', (size, elapsed, next) => {
    expect(nextBatchSize(size, elapsed)).toBe(next)
  })
})
