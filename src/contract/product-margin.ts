import type { PRODUCT_TYPES } from './product-types.ts'

type ProductType = (typeof PRODUCT_TYPES)[number]

/** The products that lend: they earn client rate − FTP and carry an expected credit loss. */
export const CREDIT_PRODUCT_TYPES: readonly ProductType[] = ['credit_card', 'consumer_loan', 'car_loan', 'mortgage']

/** The catalogue keeps rates to five decimals (numeric(8,5)): 0.001 % is the finest step. */
export const RATE_DECIMALS = 5
const SCALE = 10 ** RATE_DECIMALS

export type MarginTerms = {
  type: string
  ftpRate: number | null
  clientRate: number | null
  probabilityOfDefault: number | null
  lossGivenDefault: number | null
}

/** What a year of a product earns per rouble of balance or limit, as fractions. */
export type ImpliedMargin = {
  /** Deposits and balances: FTP − client rate; credit: client rate − FTP. */
  interestMargin: number
  /** PD × LGD, a year, per rouble of exposure; zero for what lends nothing. */
  expectedLossRate: number
  /** The interest margin less the expected credit loss. */
  netMargin: number
}

export function isCreditProduct(type: string): boolean {
  return (CREDIT_PRODUCT_TYPES as readonly string[]).includes(type)
}

/**
 * The margin a year that the catalogue's rates imply (DOMAIN.md "How a program earns money"), the
 * number the catalogue page shows beside the rates: on balances FTP − client rate; on loans and
 * card limits client rate − FTP − PD × LGD. Counted in steps of 10⁻⁵ (the catalogue's precision)
 * so that 0.26 − 0.17 is 0.09, not 0.09000000000000002. A missing rate counts as zero, as in the
 * business case (core/program/compute-product-economics.ts). Fees are on turnover, not balances,
 * and stay beside it.
 */
export function impliedMargin(terms: MarginTerms): ImpliedMargin {
  const steps = (rate: number | null) => Math.round((rate ?? 0) * SCALE)
  const lends = isCreditProduct(terms.type)
  const interest = lends ? steps(terms.clientRate) - steps(terms.ftpRate) : steps(terms.ftpRate) - steps(terms.clientRate)
  // PD × LGD in steps of 10⁻¹⁰: an exact product of two whole numbers.
  const loss = lends ? steps(terms.probabilityOfDefault) * steps(terms.lossGivenDefault) : 0
  return {
    interestMargin: interest / SCALE,
    expectedLossRate: loss / SCALE ** 2,
    netMargin: (interest * SCALE - loss) / SCALE ** 2,
  }
}
