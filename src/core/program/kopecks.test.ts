import { describe, expect, it } from 'vitest'
import { kopecksFromRoubles, multiplyKopecks, roundHalfEven } from './kopecks.ts'

describe('roundHalfEven', () => {
  // Ties go to the even neighbour (banker's rounding); everything else to the nearest.
  it.each([
    [0.5, 0], [1.5, 2], [2.5, 2], [3.5, 4], [-0.5, 0], [-1.5, -2], [-2.5, -2],
    [2.4999, 2], [2.5001, 3], [50_045_525.494, 50_045_525], [50_045_525.5, 50_045_526], [50_045_526.5, 50_045_526], [1234.5, 1234], [1235.5, 1236], [7, 7],
  ])('%d → %d', (x, rounded) => {
    expect(roundHalfEven(x)).toBe(rounded)
  })
})

describe('multiplyKopecks', () => {
  it.each([
    // 0.26 − 0.17 is 0.09000000000000002 in a double: still 1 350 000.00 ₽ × 9% exactly.
    [15_000_000, 0.26 - 0.17, 1_350_000],
    // 0.125 × 100 is the tie 12.5 → 12; 0.135 × 100 a double off 13.5, counted as the tie → 14.
    [100, 0.125, 12], [100, 0.135, 14], [300, 0.5, 150], [1, 0.5, 0], [3, 0.5, 2],
    [0, 0.3, 0], [-100, 0.125, -12],
  ])('%d × %d → %d', (amount, factor, product) => {
    expect(multiplyKopecks(amount, factor)).toBe(product)
  })
})

describe('kopecksFromRoubles', () => {
  it.each([
    [123.45, 12345], [0.1 + 0.2, 30], [1_234_567.89, 123_456_789], [3.5, 350], [0, 0],
    [0.001, undefined], [12.345, undefined], [1_000_000_000.001, undefined], [9_999_999_999.99, 999_999_999_999], [Number.NaN, undefined], [Number.POSITIVE_INFINITY, undefined],
  ])('%d ₽ → %s kopecks', (roubles, kopecks) => {
    expect(kopecksFromRoubles(roubles)).toBe(kopecks)
  })
})
