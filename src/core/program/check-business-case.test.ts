import { describe, expect, it } from 'vitest'
import type { BusinessCaseAssumptions } from '../../contract/program-schemas.ts'
import { DomainError } from '../domain-error.ts'
import { checkBusinessCase } from './check-business-case.ts'

const refusal = (raw: BusinessCaseAssumptions) => {
  try {
    checkBusinessCase(raw)
  } catch (error) {
    if (error instanceof DomainError) return { code: error.code, details: error.details }
    throw error
  }
  return undefined
}

describe('checkBusinessCase', () => {
  it('turns roubles into kopecks and keeps what a draft left out undefined', () => {
    expect(checkBusinessCase({ fixedCosts: 50_000, responseRateTarget: 0.05, channelCosts: [{ channel: 'sms', costPerContact: 3.5, contactsPerClient: 2 }], horizonYears: 5 })).toEqual({
      fixedCosts: 5_000_000,
      responseRateTarget: 0.05,
      channelCosts: [{ channel: 'sms', costPerContact: 350, contactsPerClient: 2 }],
      horizonYears: 5,
    })
    expect(checkBusinessCase({})).toEqual({})
  })

  it.each([
    [{ responseRateTarget: 1.2 }, { code: 'case.rate_out_of_range', field: 'businessCase.responseRateTarget', value: 1.2 }],
    [{ responseRateControl: -0.01 }, { code: 'case.rate_out_of_range', field: 'businessCase.responseRateControl', value: -0.01 }],
    [{ conversion: 2 }, { code: 'case.rate_out_of_range', field: 'businessCase.conversion', value: 2 }],
    [{ discountRate: 1.5 }, { code: 'case.rate_out_of_range', field: 'businessCase.discountRate', value: 1.5 }],
    [{ fixedCosts: -1 }, { code: 'case.negative_amount', field: 'businessCase.fixedCosts', value: -1 }],
    [{ averageBalance: 10.005 }, { code: 'case.not_kopecks', field: 'businessCase.averageBalance', value: 10.005 }],
    [{ audience: 10.5 }, { code: 'case.not_whole', field: 'businessCase.audience', value: 10.5 }],
    [{ lifetimeMonths: -3 }, { code: 'case.not_whole', field: 'businessCase.lifetimeMonths', value: -3 }],
    [{ horizonYears: 0 }, { code: 'case.horizon_out_of_range', field: 'businessCase.horizonYears', value: 0, max: 30 }],
    [{ horizonYears: 31 }, { code: 'case.horizon_out_of_range', field: 'businessCase.horizonYears', value: 31, max: 30 }],
    [{ channelCosts: [{ channel: 'sms', costPerContact: 3, contactsPerClient: 1 }, { channel: 'call', costPerContact: -60, contactsPerClient: 1 }] },
      { code: 'case.negative_amount', field: 'businessCase.channelCosts[1].costPerContact', value: -60 }],
    [{ channelCosts: [{ channel: 'sms', costPerContact: 3, contactsPerClient: 1 }, { channel: 'sms', costPerContact: 4, contactsPerClient: 1 }] },
      { code: 'case.duplicate_channel', field: 'businessCase.channelCosts[1].channel', channel: 'sms' }],
    [{ channelCosts: [{ channel: 'letter', costPerContact: 30, contactsPerClient: 0.5 }] },
      { code: 'case.not_whole', field: 'businessCase.channelCosts[0].contactsPerClient', value: 0.5 }],
  ] as const)('%j is refused: %j', (raw, details) => {
    expect(refusal(raw as BusinessCaseAssumptions)).toEqual({ code: 'invalid_input', details })
  })
})
