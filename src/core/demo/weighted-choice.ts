import type { Random } from './create-random.ts'

export type WeightedChoice<T> = (random: Random) => T

/** Picks one of the items with probability proportional to its weight (one draw, binary search). */
export function weightedChoice<T>(entries: readonly (readonly [T, number])[]): WeightedChoice<T> {
  if (entries.length === 0) throw new Error('weightedChoice needs at least one entry')
  const cumulative: number[] = []
  let total = 0
  for (const [, weight] of entries) {
    if (!(weight >= 0)) throw new Error('weights must be non-negative numbers')
    total += weight
    cumulative.push(total)
  }
  if (total <= 0) throw new Error('weights must not all be zero')
  return (random) => {
    const target = random.next() * total
    let low = 0
    let high = cumulative.length - 1
    while (low < high) {
      const mid = (low + high) >>> 1
      if (cumulative[mid] > target) high = mid
      else low = mid + 1
    }
    return entries[low][0]
  }
}
