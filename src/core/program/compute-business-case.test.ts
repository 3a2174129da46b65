import { describe, expect, it } from 'vitest'
import { BUSINESS_CASE_WORKED_EXAMPLE as WORKED_EXAMPLE } from './business-case-worked-example.ts'
import { computeBusinessCase } from './compute-business-case.ts'

describe('computeBusinessCase', () => {
  it('gives the hand-checked NPV, profit, ROI, break-even uplift and payback', () => {
    const result = computeBusinessCase(WORKED_EXAMPLE)
    expect(result).toMatchObject({
      contacted: 9000,
      contactCost: 3_150_000,
      totalCost: 8_150_000,
      npv: 153_943_750,
      profit: 222_700_000,
      valuePerProduct: 1_801_042,
    })
    expect(result.uplift).toBeCloseTo(0.02, 12)
    expect(result.incrementalResponders).toBeCloseTo(180, 9)
    expect(result.incrementalProducts).toBeCloseTo(90, 9)
    expect(result.cashFlows).toEqual([
      { year: 0, flow: -8_150_000, discounted: -8_150_000 },
      { year: 1, flow: 76_950_000, discounted: 64_125_000 },
      { year: 2, flow: 76_950_000, discounted: 53_437_500 },
      { year: 3, flow: 76_950_000, discounted: 44_531_250 },
    ])
    expect(result.roi).toBeCloseTo(18.888803681, 8)
    expect(result.breakEvenUplift).toBeCloseTo(0.0010055909, 10)
    expect(result.breakEvenResponseRate).toBeCloseTo(0.0310055909, 10)
    expect(result.paybackYears).toBeCloseTo(0.1270955166, 10)
  })

  it('counts half a year of margin for a lifetime of 30 months (the check script’s second case)', () => {
    const result = computeBusinessCase({ ...WORKED_EXAMPLE, product: { ...WORKED_EXAMPLE.product, lifetimeYears: 2.5 } })
    expect(result.cashFlows.map((f) => f.discounted)).toEqual([-8_150_000, 64_125_000, 53_437_500, 22_265_625])
    expect(result.npv).toBe(131_678_125)
    expect(result.profit).toBe(184_225_000)
    expect(result.breakEvenUplift).toBeCloseTo(0.0011657168, 10)
  })

  it('cuts the margin at the horizon', () => {
    const result = computeBusinessCase({ ...WORKED_EXAMPLE, horizonYears: 2 })
    expect(result.cashFlows).toHaveLength(3)
    expect(result.npv).toBe(64_125_000 + 53_437_500 - 8_150_000)
  })

  it('at exactly the break-even uplift the NPV is zero (to the rounding of each flow)', () => {
    const { breakEvenUplift } = computeBusinessCase(WORKED_EXAMPLE)
    const atBreakEven = computeBusinessCase({ ...WORKED_EXAMPLE, responseRateTarget: 0.03 + breakEvenUplift! })
    expect(Math.abs(atBreakEven.npv)).toBeLessThanOrEqual(3)
  })

  it.each([
    ['no uplift: the cost is lost and never paid back', { responseRateTarget: 0.03 }, { npv: -8_150_000, paybackYears: null }],
    ['a product that earns nothing has no break-even uplift', { product: { ...WORKED_EXAMPLE.product, netPerYear: 0 } }, { breakEvenUplift: null, breakEvenResponseRate: null }],
    ['nothing spent: ROI is undefined, payback immediate', { fixedCosts: 0, channelCosts: [] }, { totalCost: 0, roi: null, paybackYears: 0 }],
    ['a control that responds better loses money', { responseRateTarget: 0.02 }, { npv: -8_150_000 - 162_093_750 / 2 }],
  ] as const)('%s', (_name, change, expected) => {
    expect(computeBusinessCase({ ...WORKED_EXAMPLE, ...change })).toMatchObject(expected)
  })
})
