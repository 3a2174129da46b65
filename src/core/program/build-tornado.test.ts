import { describe, expect, it } from 'vitest'
import { buildTornado } from './build-tornado.ts'
import { BUSINESS_CASE_WORKED_EXAMPLE as WORKED_EXAMPLE } from './business-case-worked-example.ts'
import { computeBusinessCase } from './compute-business-case.ts'

describe('buildTornado', () => {
  it('moves each driver ±20% and sorts by swing, as the hand check computes (compute-business-case.check.txt)', () => {
    expect(buildTornado(WORKED_EXAMPLE)).toEqual([
      { driver: 'responseRateTarget', npvLow: 72_896_875, npvHigh: 234_990_625, swing: 162_093_750 },
      { driver: 'margin', npvLow: 102_756_250, npvHigh: 205_131_250, swing: 102_375_000 },
      { driver: 'responseRateControl', npvLow: 202_571_875, npvHigh: 105_315_625, swing: 97_256_250 },
      { driver: 'conversion', npvLow: 121_525_000, npvHigh: 186_362_500, swing: 64_837_500 },
      { driver: 'audience', npvLow: 122_155_000, npvHigh: 185_732_500, swing: 63_577_500 },
      { driver: 'lifetime', npvLow: 127_225_000, npvHigh: 176_209_375, swing: 48_984_375 },
      { driver: 'expectedCreditLoss', npvLow: 172_712_500, npvHigh: 135_175_000, swing: 37_537_500 },
      { driver: 'discountRate', npvLow: 164_671_200, npvHigh: 144_311_272, swing: 20_359_928 },
      { driver: 'fixedCosts', npvLow: 154_943_750, npvHigh: 152_943_750, swing: 2_000_000 },
      { driver: 'costPerContact', npvLow: 154_573_750, npvHigh: 153_313_750, swing: 1_260_000 },
    ])
  })

  it('leaves out a driver that is zero (a deposit has no credit loss)', () => {
    const deposit = { ...WORKED_EXAMPLE, product: { ...WORKED_EXAMPLE.product, expectedCreditLossPerYear: 0, netPerYear: 1_350_000 } }
    expect(buildTornado(deposit).map((bar) => bar.driver)).not.toContain('expectedCreditLoss')
  })

  it('keeps a scaled rate within [0, 1]: a conversion of 1 cannot rise, so its high end is the case itself', () => {
    const certain = { ...WORKED_EXAMPLE, conversion: 1 }
    const conversion = buildTornado(certain).find((bar) => bar.driver === 'conversion')!
    expect(conversion.npvHigh).toBe(computeBusinessCase(certain).npv)
    expect(conversion.npvLow).toBeLessThan(conversion.npvHigh)
  })
})
