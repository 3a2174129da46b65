import type { BusinessCaseAssumptions } from '../../contract/program-schemas.ts'
import type { BusinessCaseInput } from './compute-business-case.ts'

// The worked example, checked by hand in exact fractions: compute-business-case.check.py, its
// output in compute-business-case.check.txt. 10 000 clients, 10% control, one SMS at 3.50 ₽ to
// each of the 9 000 contacted, 50 000 ₽ fixed; response 5% against 3%, half of the responders take
// a cash loan of 150 000 ₽ (net 8 550 ₽ a year after the expected credit loss) for 3 years;
// discount rate 20%, horizon 5 years.
export const BUSINESS_CASE_WORKED_EXAMPLE: BusinessCaseInput = {
  audience: 10_000,
  controlShare: 0.1,
  channelCosts: [{ channel: 'sms', costPerContact: 350, contactsPerClient: 1 }],
  fixedCosts: 5_000_000,
  responseRateTarget: 0.05,
  responseRateControl: 0.03,
  conversion: 0.5,
  product: { interestMarginPerYear: 1_350_000, feesPerYear: 0, expectedCreditLossPerYear: 495_000, netPerYear: 855_000, lifetimeYears: 3 },
  discountRate: 0.2,
  horizonYears: 5,
}

/** The same case as an economist types it into a program (roubles), with the demo catalogue's CL_CASH as its product. */
export const BUSINESS_CASE_WORKED_EXAMPLE_TYPED = {
  audience: 10_000,
  channelCosts: [{ channel: 'sms', costPerContact: 3.5, contactsPerClient: 1 }],
  fixedCosts: 50_000,
  responseRateTarget: 0.05,
  responseRateControl: 0.03,
  conversion: 0.5,
  averageBalance: 150_000,
  discountRate: 0.2,
  horizonYears: 5,
} as const satisfies BusinessCaseAssumptions
