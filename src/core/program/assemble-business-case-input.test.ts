import { describe, expect, it } from 'vitest'
import { DEMO_PRODUCTS } from '../demo/demo-products.ts'
import { DomainError } from '../domain-error.ts'
import { assembleBusinessCaseInput } from './assemble-business-case-input.ts'
import { BUSINESS_CASE_WORKED_EXAMPLE } from './business-case-worked-example.ts'
import { checkBusinessCase } from './check-business-case.ts'

const cashLoan = DEMO_PRODUCTS.find((p) => p.code === 'CL_CASH')!
// The worked example as the economist types it into the program (roubles).
const typed = checkBusinessCase({
  channelCosts: [{ channel: 'sms', costPerContact: 3.5, contactsPerClient: 1 }],
  fixedCosts: 50_000,
  responseRateTarget: 0.05,
  responseRateControl: 0.03,
  conversion: 0.5,
  averageBalance: 150_000,
  discountRate: 0.2,
  horizonYears: 5,
})

const failure = (run: () => unknown) => {
  try {
    run()
  } catch (error) {
    if (error instanceof DomainError) return error.details
  }
  return undefined
}

describe('assembleBusinessCaseInput', () => {
  it('builds the worked example from typed assumptions, the catalogue and the wave’s audience', () => {
    expect(assembleBusinessCaseInput({ assumptions: typed, product: cashLoan, waveAudience: 10_000, controlShare: 0.1 })).toEqual(BUSINESS_CASE_WORKED_EXAMPLE)
  })

  it('prefers the case’s own audience to the wave’s', () => {
    expect(assembleBusinessCaseInput({ assumptions: { ...typed, audience: 500 }, product: cashLoan, waveAudience: 10_000, controlShare: 0.1 }).audience).toBe(500)
  })

  it('names every missing field at once', () => {
    expect(failure(() => assembleBusinessCaseInput({ assumptions: { fixedCosts: 0 }, product: { ...cashLoan, lifetimeMonths: null }, waveAudience: undefined, controlShare: 0.1 }))).toEqual({
      code: 'case.missing',
      fields: 'businessCase.audience, businessCase.channelCosts, businessCase.responseRateTarget, businessCase.responseRateControl, businessCase.conversion, businessCase.discountRate, businessCase.horizonYears, businessCase.lifetimeMonths',
    })
  })

  it('refuses a program without a target product', () => {
    expect(failure(() => assembleBusinessCaseInput({ assumptions: typed, product: undefined, waveAudience: 10, controlShare: 0.1 }))).toEqual({ code: 'case.no_product' })
  })
})
