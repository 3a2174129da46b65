import { describe, expect, it } from 'vitest'
import { createRandom } from './create-random.ts'
import { weightedChoice } from './weighted-choice.ts'

describe('weightedChoice', () => {
  it.each([
    [[['a', 1], ['b', 1]]],
    [[['a', 0.27], ['b', 0.14], ['c', 0.59]]],
    [[['a', 5], ['b', 0], ['c', 95]]],
  ] as const)('picks in proportion to the weights %j', (entries) => {
    const choose = weightedChoice(entries)
    const random = createRandom(11)
    const n = 100_000
    const counts = new Map<string, number>()
    for (let i = 0; i < n; i++) {
      const item = choose(random)
      counts.set(item, (counts.get(item) ?? 0) + 1)
    }
    const total = entries.reduce((sum, [, w]) => sum + w, 0)
    for (const [item, weight] of entries) expect((counts.get(item) ?? 0) / n).toBeCloseTo(weight / total, 2)
  })

  it.each([[[]], [[['a', 0]]], [[['a', -1]]]] as const)('refuses %j', (entries) => {
    expect(() => weightedChoice(entries)).toThrow()
  })
})
