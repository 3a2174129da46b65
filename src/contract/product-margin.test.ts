import { describe, expect, it } from 'vitest'
import { impliedMargin } from './product-margin.ts'

// Known answers by hand, with the demo catalogue's rates (core/demo/demo-products.ts):
// cash loan 0.26 − 0.17 = 0.09, less PD × LGD = 0.06 × 0.55 = 0.033, nets 0.057;
// a deposit earns FTP − client rate: 0.16 − 0.14 = 0.02, no credit loss whatever PD says.
describe('impliedMargin', () => {
  it.each([
    [{ type: 'consumer_loan', ftpRate: 0.17, clientRate: 0.26, probabilityOfDefault: 0.06, lossGivenDefault: 0.55 }, { interestMargin: 0.09, expectedLossRate: 0.033, netMargin: 0.057 }],
    [{ type: 'term_deposit', ftpRate: 0.16, clientRate: 0.14, probabilityOfDefault: 0.5, lossGivenDefault: 0.5 }, { interestMargin: 0.02, expectedLossRate: 0, netMargin: 0.02 }],
    [{ type: 'mortgage', ftpRate: 0.12345, clientRate: 0.10001, probabilityOfDefault: 0.00012, lossGivenDefault: 0.33333 }, { interestMargin: -0.02344, expectedLossRate: 0.0000399996, netMargin: -0.0234799996 }],
    [{ type: 'credit_card', ftpRate: null, clientRate: null, probabilityOfDefault: null, lossGivenDefault: null }, { interestMargin: 0, expectedLossRate: 0, netMargin: 0 }],
    [{ type: 'current_account', ftpRate: 0.1, clientRate: 0.3, probabilityOfDefault: null, lossGivenDefault: null }, { interestMargin: -0.2, expectedLossRate: 0, netMargin: -0.2 }],
  ] as const)('%o implies %o', (terms, expected) => {
    // Exact to the last bit the steps of 10⁻⁵ allow: equal, not close.
    expect(impliedMargin(terms)).toEqual(expected)
  })
})
