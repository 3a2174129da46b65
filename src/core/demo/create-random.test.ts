import { describe, expect, it } from 'vitest'
import { createRandom } from './create-random.ts'

const draws = (seeds: number[], n = 5) => {
  const random = createRandom(...seeds)
  return Array.from({ length: n }, () => random.next())
}

describe('createRandom', () => {
  it('gives the same numbers for the same seeds', () => {
    expect(draws([42, 7])).toEqual(draws([42, 7]))
  })

  it.each([
    [[1], [2]],
    [[1, 0], [1, 1]],
    [[1, 2], [2, 1]],
    // Seeds beyond 32 bits still count in full.
    [[2 ** 32 + 5], [5]],
  ])('gives different numbers for seeds %j and %j', (a, b) => {
    expect(draws(a)).not.toEqual(draws(b))
  })

  it('draws uniformly in [0, 1)', () => {
    const random = createRandom(3)
    const buckets = new Array(10).fill(0)
    for (let i = 0; i < 100_000; i++) {
      const x = random.next()
      expect(x >= 0 && x < 1).toBe(true)
      buckets[Math.floor(x * 10)]++
    }
    // Chi-square with 9 degrees of freedom: 27.9 is its 0.999 quantile.
    const chiSquare = buckets.reduce((sum, n) => sum + (n - 10_000) ** 2 / 10_000, 0)
    expect(chiSquare).toBeLessThan(27.9)
  })

  it('includes both ends of int(min, max) and nothing beyond', () => {
    const random = createRandom(5)
    const seen = new Set<number>()
    for (let i = 0; i < 10_000; i++) seen.add(random.int(-2, 3))
    expect([...seen].sort((a, b) => a - b)).toEqual([-2, -1, 0, 1, 2, 3])
  })

  it('draws standard normals', () => {
    const random = createRandom(9)
    const xs = Array.from({ length: 50_000 }, () => random.normal())
    const mean = xs.reduce((a, b) => a + b, 0) / xs.length
    const variance = xs.reduce((a, b) => a + (b - mean) ** 2, 0) / xs.length
    expect(Math.abs(mean)).toBeLessThan(0.02)
    expect(Math.abs(variance - 1)).toBeLessThan(0.03)
    // 95% of a standard normal lies within ±1.96.
    expect(xs.filter((x) => Math.abs(x) < 1.96).length / xs.length).toBeCloseTo(0.95, 2)
  })
})
