import { describe, expect, it } from 'vitest'
import { DEMO_PRODUCTS } from '../demo/demo-products.ts'
import { DomainError } from '../domain-error.ts'
import { assembleBusinessCaseInput } from './assemble-business-case-input.ts'
import { BUSINESS_CASE_WORKED_EXAMPLE, BUSINESS_CASE_WORKED_EXAMPLE_TYPED } from './business-case-worked-example.ts'
import { checkBusinessCase } from './check-business-case.ts'

const cashLoan = DEMO_PRODUCTS.find((p) => p.code === 'CL_CASH')!
const { audience: _audience, ...typedWithoutAudience } = BUSINESS_CASE_WORKED_EXAMPLE_TYPED
const typed = checkBusinessCase({ ...typedWithoutAudience, channelCosts: [...typedWithoutAudience.channelCosts] })

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
