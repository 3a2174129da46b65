import { describe, expect, it } from 'vitest'
import { readHillstrom } from '../../../test/read-hillstrom.ts'
import { DomainError } from '../domain-error.ts'
import { compareProportions } from './compare-proportions.ts'
import reference from './reference/stats_reference.json' with { type: 'json' }

// Known answers: Newcombe (1998) Table II, method 10 (to its 4 decimals); statsmodels'
// confint_proportions_2indep(method='newcomb') and proportions_ztest, scipy's fisher_exact
// (reference/stats_reference.py); the Hillstrom reference point of issue 7.

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0)

describe('compareProportions', () => {
  it.each([
    [56, 70, 48, 80, 0.0524, 0.3339],
    [9, 10, 3, 10, 0.1705, 0.809],
    [6, 7, 2, 7, 0.0582, 0.8062],
    [5, 56, 0, 29, -0.0381, 0.1926],
    [0, 10, 0, 20, -0.1611, 0.2775],
    [0, 10, 0, 10, -0.2775, 0.2775],
    [10, 10, 0, 20, 0.6791, 1],
    [10, 10, 0, 10, 0.6075, 1],
  ])('gives Newcombe 1998 Table II for %i/%i − %i/%i: (%f, %f)', (xt, nt, xc, nc, lo, hi) => {
    const { ci } = compareProportions({ target: { n: nt, x: xt }, control: { n: nc, x: xc } })
    expect(ci[0]).toBeCloseTo(lo, 4)
    expect(ci[1]).toBeCloseTo(hi, 4)
  })

  it.each(reference.comparisons)('matches statsmodels and scipy for $target_x/$target_n − $control_x/$control_n', (c) => {
    const target = { n: c.target_n, x: c.target_x }
    const control = { n: c.control_n, x: c.control_x }
    const z = compareProportions({ target, control })
    expect(z.uplift).toBeCloseTo(c.uplift, 12)
    expect(z.ci[0]).toBeCloseTo(c.newcombe[0]!, 10)
    expect(z.ci[1]).toBeCloseTo(c.newcombe[1]!, 10)
    if (c.ratio_log === null) expect(z.relativeCi).toBeNull()
    else expect(z.relativeCi!.map((v) => v + 1).map((v, i) => v / c.ratio_log![i]!)).toEqual([expect.closeTo(1, 10), expect.closeTo(1, 10)])
    const expectedP = z.test === 'z' ? c.p_z : c.p_fisher
    expect(relative(z.p, expectedP)).toBeLessThan(1e-6)
    expect(relative(compareProportions({ target, control, exact: true }).p, c.p_fisher)).toBeLessThan(1e-6)
  })

  it('reproduces Hillstrom men’s e-mail visits, counted from the file: uplift 0.07659, 95% CI [0.06995, 0.08323]', () => {
    const { mens, control } = readHillstrom()
    const target = { n: mens.n, x: sum(mens.visit) }
    const control_ = { n: control.n, x: sum(control.visit) }
    expect([target, control_]).toEqual([{ n: 21307, x: 3894 }, { n: 21306, x: 2262 }])
    const result = compareProportions({ target, control: control_ })
    expect(result.uplift.toFixed(5)).toBe('0.07659')
    expect(result.ci.map((v) => v.toFixed(5))).toEqual(['0.06995', '0.08323'])
    expect(result.relativeUplift!.toFixed(4)).toBe('0.7214')
    expect(result.test).toBe('z')
    expect(result.p).toBeLessThan(1e-100)
  })

  it('switches to Fisher when an expected cell is under 5, and on request', () => {
    expect(compareProportions({ target: { n: 400, x: 3 }, control: { n: 100, x: 1 } })).toMatchObject({ test: 'fisher', minExpected: 0.8 })
    expect(compareProportions({ target: { n: 1000, x: 30 }, control: { n: 1000, x: 18 } }).test).toBe('z')
    expect(compareProportions({ target: { n: 1000, x: 30 }, control: { n: 1000, x: 18 }, exact: true }).test).toBe('fisher')
  })

  it('has no relative uplift when the control has no responder', () => {
    expect(compareProportions({ target: { n: 56, x: 5 }, control: { n: 29, x: 0 } }).relativeUplift).toBeNull()
  })

  it.each([
    [{ n: 0, x: 0 }, { n: 10, x: 1 }, 'target_n'],
    [{ n: 10, x: 11 }, { n: 10, x: 1 }, 'target_x'],
    [{ n: 10, x: 1 }, { n: 10, x: -1 }, 'control_x'],
    [{ n: 10, x: 1 }, { n: 10.5, x: 1 }, 'control_n'],
  ])('refuses %o against %o, naming %s', (target, control, field) => {
    try {
      compareProportions({ target, control })
      expect.unreachable()
    } catch (error) {
      expect(error).toBeInstanceOf(DomainError)
      expect((error as DomainError).details).toMatchObject({ field })
    }
  })
})

function relative(actual: number, expected: number): number {
  return Math.abs(actual - expected) / Math.max(Math.abs(expected), 1e-300)
}
