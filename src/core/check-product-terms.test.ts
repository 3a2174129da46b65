import { describe, expect, it } from 'vitest'
import { checkProductTerms } from './check-product-terms.ts'
import { DomainError } from './domain-error.ts'

const refusal = (type: string, terms: Parameters<typeof checkProductTerms>[1]) => {
  try {
    checkProductTerms(type, terms)
  } catch (error) {
    if (error instanceof DomainError) return { status: error.code, ...error.details }
    throw error
  }
  return undefined
}

describe('checkProductTerms', () => {
  it.each([
    ['consumer_loan', { ftpRate: 0.17, clientRate: 0.26, probabilityOfDefault: 0.06, lossGivenDefault: 0.55, lifetimeMonths: 36 }],
    ['term_deposit', { ftpRate: 0.16, clientRate: 0.14, feeRate: null, lifetimeMonths: 12 }],
    ['credit_card', { ftpRate: 0, clientRate: 1, feeRate: 0.015, probabilityOfDefault: 0, lossGivenDefault: 1 }],
    ['term_deposit', { probabilityOfDefault: null, lossGivenDefault: null }],
    ['insurance', { feeRate: 0.12345 }],
    ['mortgage', {}],
  ] as const)('keeps %s %o', (type, terms) => {
    expect(refusal(type, terms)).toBeUndefined()
  })

  it.each([
    ['consumer_loan', { ftpRate: -0.01 }, { status: 'invalid_input', code: 'product.rate_out_of_range', field: 'ftpRate', value: -0.01 }],
    ['consumer_loan', { clientRate: 26 }, { field: 'clientRate', value: 26 }],
    ['debit_card', { feeRate: 1.5 }, { field: 'feeRate' }],
    ['mortgage', { probabilityOfDefault: 1.01 }, { field: 'probabilityOfDefault' }],
    ['mortgage', { lossGivenDefault: Number.NaN }, { field: 'lossGivenDefault' }],
    ['mortgage', { ftpRate: 0.123456 }, { code: 'product.too_precise', field: 'ftpRate', decimals: 5 }],
    ['mortgage', { lifetimeMonths: 0 }, { code: 'product.bad_lifetime', field: 'lifetimeMonths', value: 0 }],
    ['mortgage', { lifetimeMonths: 12.5 }, { code: 'product.bad_lifetime', field: 'lifetimeMonths' }],
    ['mortgage', { lifetimeMonths: -12 }, { code: 'product.bad_lifetime' }],
    ['term_deposit', { probabilityOfDefault: 0.02 }, { code: 'product.not_credit', field: 'probabilityOfDefault', type: 'term_deposit' }],
    ['savings_account', { lossGivenDefault: 0.5 }, { code: 'product.not_credit', field: 'lossGivenDefault', type: 'savings_account' }],
  ] as const)('refuses %s %o naming the field', (type, terms, expected) => {
    expect(refusal(type, terms)).toMatchObject(expected)
  })

  it('checks the ranges before the product type (an out-of-range PD on a deposit names the range)', () => {
    expect(refusal('term_deposit', { probabilityOfDefault: 2 })).toMatchObject({ code: 'product.rate_out_of_range', field: 'probabilityOfDefault' })
  })
})
