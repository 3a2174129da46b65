import { describe, expect, it } from 'vitest'
import { isControl } from './control-hash.ts'
import { pickPilotSample } from './pilot-sample.ts'

const ids = Array.from({ length: 20_000 }, (_, i) => i + 1)

describe('pickPilotSample', () => {
  it('takes exactly N, the same N for the same seed, others for another seed', () => {
    const sample = pickPilotSample(ids, 'PRG-1', 2000)
    expect(sample).toHaveLength(2000)
    expect(new Set(sample).size).toBe(2000)
    expect(pickPilotSample([...ids].reverse(), 'PRG-1', 2000)).toEqual(sample)
    const other = new Set(pickPilotSample(ids, 'PRG-2', 2000))
    // Two independent 10% samples share about 1% of the clients (200), far from all.
    expect(sample.filter((id) => other.has(id)).length).toBeLessThan(400)
  })

  it('keeps the control a random share of the sample (within 4 binomial standard deviations)', () => {
    const sample = pickPilotSample(ids, 'PRG-1', 5000)
    const control = sample.filter((id) => isControl('PRG-1', id, 0.1)).length
    // Binomial(5000, 0.1): mean 500, sd √(5000 × 0.1 × 0.9) = 21.2.
    expect(Math.abs(control - 500)).toBeLessThan(4 * 21.3)
  })

  it('takes everyone when N is at least the clients', () => {
    expect(pickPilotSample([3, 1, 2], 's', 5).sort()).toEqual([1, 2, 3])
  })
})
