import { describe, expect, it } from 'vitest'
import { alwaysValidInterval } from './always-valid-interval.ts'
import { compareProportions } from './compare-proportions.ts'
import reference from './reference/stats_reference.json' with { type: 'json' }

// Known answers: the normal-mixture boundary written out independently in python
// (reference/stats_reference.py, τ² solved with brentq); and its promise checked by simulation:
// looking after every 250 members per arm, an arm pair with no uplift is flagged in at most α of
// the runs, where the fixed-horizon interval looked at as often is fooled several times as often.

describe('alwaysValidInterval', () => {
  it.each(reference.always_valid)('matches the python formula for $target_x/$target_n − $control_x/$control_n', (c) => {
    const result = alwaysValidInterval({
      target: { n: c.target_n, x: c.target_x },
      control: { n: c.control_n, x: c.control_x },
      alpha: c.alpha,
      planned: { target: c.planned_target, control: c.planned_control, baseline: c.baseline },
    })
    expect(result.tau2 / c.tau2).toBeCloseTo(1, 10)
    expect(result.ci[0]).toBeCloseTo(c.ci[0]!, 10)
    expect(result.ci[1]).toBeCloseTo(c.ci[1]!, 10)
    expect(Math.abs(result.p - c.p) / c.p).toBeLessThan(1e-8)
    expect(result.widthRatio).toBeCloseTo(c.width_ratio, 9)
  })

  it('costs about 1.55 times the fixed-horizon width at the planned size (α 0.05)', () => {
    const hillstrom = reference.always_valid[1]!
    expect(hillstrom.width_ratio).toBeCloseTo(1.551, 3)
  })

  it('keeps the running intersection of the intervals and the running minimum of p', () => {
    const planned = { target: 8158, control: 8158, baseline: 0.05 }
    const first = alwaysValidInterval({ target: { n: 4000, x: 260 }, control: { n: 4000, x: 200 }, planned })
    const second = alwaysValidInterval({ target: { n: 5000, x: 300 }, control: { n: 5000, x: 270 }, planned, previous: first })
    const alone = alwaysValidInterval({ target: { n: 5000, x: 300 }, control: { n: 5000, x: 270 }, planned })
    expect(second.p).toBe(Math.min(first.p, alone.p))
    expect(second.ci).toEqual([Math.max(first.ci[0], alone.ci[0]), Math.min(first.ci[1], alone.ci[1])])
  })

  it('holds its level under continuous monitoring, where the fixed interval does not', () => {
    const random = mulberry32(7)
    const runs = 400
    const looks = 20
    const step = 250
    const rate = 0.05
    let alwaysValidFlags = 0
    let fixedFlags = 0
    for (let run = 0; run < runs; run++) {
      const target = { n: 0, x: 0 }
      const control = { n: 0, x: 0 }
      let flaggedAlwaysValid = false
      let flaggedFixed = false
      let previous: { ci: [number, number]; p: number } | undefined
      for (let look = 0; look < looks; look++) {
        for (let i = 0; i < step; i++) {
          target.x += random() < rate ? 1 : 0
          control.x += random() < rate ? 1 : 0
        }
        target.n += step
        control.n += step
        const sequence = alwaysValidInterval({ target, control, planned: { target: step * looks, control: step * looks, baseline: rate }, previous })
        previous = sequence
        flaggedAlwaysValid ||= sequence.ci[0] > 0 || sequence.ci[1] < 0
        const fixed = compareProportions({ target, control })
        flaggedFixed ||= fixed.ci[0] > 0 || fixed.ci[1] < 0
      }
      if (flaggedAlwaysValid) alwaysValidFlags++
      if (flaggedFixed) fixedFlags++
    }
    expect(alwaysValidFlags / runs).toBeLessThanOrEqual(0.05)
    expect(fixedFlags / runs).toBeGreaterThan(0.1)
  })
})

/** A small seeded generator (Tommy Ettinger's mulberry32), so the simulation is the same every run. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}
