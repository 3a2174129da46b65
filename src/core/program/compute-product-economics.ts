import type { ProductType } from '../demo/demo-products.ts'
import { CREDIT_PRODUCT_TYPES } from '../../contract/product-margin.ts'
import { multiplyKopecks, type Kopecks } from './kopecks.ts'

/** The catalogue's assumptions for one product (the `products` table; annual rates as fractions). */
export type ProductTerms = {
  type: ProductType
  ftpRate: number | null
  clientRate: number | null
  feeRate: number | null
  probabilityOfDefault: number | null
  lossGivenDefault: number | null
  lifetimeMonths: number | null
}

/** How one new product is expected to be used: the business case's assumptions, in kopecks. */
export type ProductUsage = {
  /** The average balance held (deposits, accounts, investments) or drawn (loans, cards) over a year. */
  averageBalance: Kopecks
  /** Card spending a year; for insurance, the annual premium. */
  annualTurnover: Kopecks
  /** Exposure at default for credit products; the average balance when not given (a card's limit is usually more). */
  exposureAtDefault?: Kopecks
  /** A fixed fee the client pays a year (card service, package). */
  annualFee: Kopecks
  /** The case's own expected lifetime, in place of the catalogue's. */
  lifetimeMonths?: number
}

export type ProductEconomics = {
  interestMarginPerYear: Kopecks
  feesPerYear: Kopecks
  /** PD × LGD × EAD, a year: the risk cost of lending (zero for products that lend nothing). */
  expectedCreditLossPerYear: Kopecks
  netPerYear: Kopecks
  lifetimeYears: number
}

// The products that lend are one list for the case and the catalogue page (contract/product-margin.ts).
export { CREDIT_PRODUCT_TYPES }

/**
 * One product's economics for a year (DOMAIN.md "How a program earns money"):
 * balances earn (FTP − client rate) × balance; loans (client rate − FTP) × balance − PD × LGD × EAD;
 * fees are the fee rate on turnover (cards, insurance premiums) or on assets (investments), plus a
 * fixed annual fee. A missing rate counts as zero. Each part is rounded to the kopeck half-even.
 */
export function computeProductEconomics(terms: ProductTerms, usage: ProductUsage): ProductEconomics {
  const ftp = terms.ftpRate ?? 0
  const client = terms.clientRate ?? 0
  const lends = CREDIT_PRODUCT_TYPES.includes(terms.type)
  const interestMarginPerYear = multiplyKopecks(usage.averageBalance, lends ? client - ftp : ftp - client)
  const feeBase = terms.type === 'investment' ? usage.averageBalance : usage.annualTurnover
  const feesPerYear = multiplyKopecks(feeBase, terms.feeRate ?? 0) + usage.annualFee
  const exposure = usage.exposureAtDefault ?? usage.averageBalance
  const expectedCreditLossPerYear = lends ? multiplyKopecks(exposure, (terms.probabilityOfDefault ?? 0) * (terms.lossGivenDefault ?? 0)) : 0
  return {
    interestMarginPerYear,
    feesPerYear,
    expectedCreditLossPerYear,
    netPerYear: interestMarginPerYear + feesPerYear - expectedCreditLossPerYear,
    lifetimeYears: (usage.lifetimeMonths ?? terms.lifetimeMonths ?? 0) / 12,
  }
}
