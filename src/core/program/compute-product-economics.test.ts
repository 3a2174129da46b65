import { describe, expect, it } from 'vitest'
import { DEMO_PRODUCTS } from '../demo/demo-products.ts'
import { computeProductEconomics } from './compute-product-economics.ts'

const terms = (code: string) => DEMO_PRODUCTS.find((p) => p.code === code)!
const usage = { averageBalance: 0, annualTurnover: 0, annualFee: 0 }

// Hand-computed from the demo catalogue's rates (core/demo/demo-products.ts), kopecks a year.
describe('computeProductEconomics', () => {
  it.each([
    // Cash loan 150 000 ₽: (26% − 17%) × 150 000 = 13 500 ₽; ECL 6% × 55% × 150 000 = 4 950 ₽.
    ['CL_CASH', { ...usage, averageBalance: 15_000_000 }, { interestMarginPerYear: 1_350_000, feesPerYear: 0, expectedCreditLossPerYear: 495_000, netPerYear: 855_000, lifetimeYears: 3 }],
    // Deposit 500 000 ₽: (17% − 15.5%) × 500 000 = 7 500 ₽, no credit loss, a 12-month lifetime.
    ['TD_12M', { ...usage, averageBalance: 50_000_000 }, { interestMarginPerYear: 750_000, feesPerYear: 0, expectedCreditLossPerYear: 0, netPerYear: 750_000, lifetimeYears: 1 }],
    // Credit card: 40 000 ₽ drawn at 32% − 16% = 6 400 ₽; 1.5% of 300 000 ₽ spent = 4 500 ₽ plus a 990 ₽ fee;
    // ECL on the 100 000 ₽ limit: 7% × 65% × 100 000 = 4 550 ₽.
    ['CC_CLASSIC', { averageBalance: 4_000_000, annualTurnover: 30_000_000, exposureAtDefault: 10_000_000, annualFee: 99_000 },
      { interestMarginPerYear: 640_000, feesPerYear: 549_000, expectedCreditLossPerYear: 455_000, netPerYear: 734_000, lifetimeYears: 3 }],
    // Investments earn their fee on assets: 0.8% of 1 000 000 ₽ = 8 000 ₽.
    ['INV', { ...usage, averageBalance: 100_000_000 }, { interestMarginPerYear: 0, feesPerYear: 800_000, expectedCreditLossPerYear: 0, netPerYear: 800_000, lifetimeYears: 5 }],
    // Insurance: 25% commission on a 12 000 ₽ premium.
    ['INS_LIFE', { ...usage, annualTurnover: 1_200_000 }, { interestMarginPerYear: 0, feesPerYear: 300_000, expectedCreditLossPerYear: 0, netPerYear: 300_000, lifetimeYears: 1 }],
    // A mortgage whose case counts 10 years instead of the catalogue's 15: 2% of 5 000 000 ₽, ECL 1.2% × 20%.
    ['MORTGAGE', { ...usage, averageBalance: 500_000_000, lifetimeMonths: 120 },
      { interestMarginPerYear: 10_000_000, feesPerYear: 0, expectedCreditLossPerYear: 1_200_000, netPerYear: 8_800_000, lifetimeYears: 10 }],
  ] as const)('%s', (code, use, expected) => {
    expect(computeProductEconomics(terms(code), use)).toEqual(expected)
  })

  it('rounds each part to the kopeck half to even: 0.5% of 1.00 ₽ is half a kopeck → 0', () => {
    const card = { type: 'debit_card', ftpRate: null, clientRate: null, feeRate: 0.005, probabilityOfDefault: null, lossGivenDefault: null, lifetimeMonths: 12 } as const
    expect(computeProductEconomics(card, { ...usage, annualTurnover: 100 }).feesPerYear).toBe(0)
    expect(computeProductEconomics(card, { ...usage, annualTurnover: 300 }).feesPerYear).toBe(2)
  })
})
