import { isCreditProduct, RATE_DECIMALS } from '../contract/product-margin.ts'
import { reason } from '../contract/reason-codes.ts'
import { DomainError } from './domain-error.ts'
import type { ProductTerms as CaseProductTerms } from './program/compute-product-economics.ts'

/** A product's economics as the catalogue keeps them and the business case reads them. */
export type ProductTerms = Omit<CaseProductTerms, 'type'>

const RATES = ['ftpRate', 'clientRate', 'feeRate', 'probabilityOfDefault', 'lossGivenDefault'] as const
/** Default risk is a lender's: a deposit or an account has no PD or LGD to carry. */
const CREDIT_RISK = ['probabilityOfDefault', 'lossGivenDefault'] as const
const SCALE = 10 ** RATE_DECIMALS

const refuse = (message: string, details: ConstructorParameters<typeof DomainError>[2]) => new DomainError('invalid_input', message, details)

/**
 * The catalogue's terms of a product, as they would stand after a change: every rate (FTP, client,
 * fee, PD, LGD) a fraction in [0, 1] with at most five decimals (the column keeps no more, and a
 * silently rounded rate is a changed rate), the lifetime a whole number of months above zero, and
 * PD and LGD only on a credit product. Refused naming the first field that breaks a rule.
 */
export function checkProductTerms(type: string, terms: Partial<ProductTerms>): void {
  for (const field of RATES) {
    const value = terms[field]
    if (value === undefined || value === null) continue
    if (!Number.isFinite(value) || value < 0 || value > 1) {
      throw refuse(`${field} must be a rate from 0 to 1; got ${value}`, reason('product.rate_out_of_range', { field, value }))
    }
    if (Math.abs(Math.round(value * SCALE) - value * SCALE) > 1e-6) {
      throw refuse(`${field} has more than ${RATE_DECIMALS} decimals: ${value}`, reason('product.too_precise', { field, value, decimals: RATE_DECIMALS }))
    }
  }
  const lifetime = terms.lifetimeMonths
  if (lifetime !== undefined && lifetime !== null && !(Number.isInteger(lifetime) && lifetime > 0)) {
    throw refuse(`lifetimeMonths must be a whole number of months above zero; got ${lifetime}`, reason('product.bad_lifetime', { field: 'lifetimeMonths', value: lifetime }))
  }
  if (isCreditProduct(type)) return
  for (const field of CREDIT_RISK) {
    const value = terms[field]
    if (value !== undefined && value !== null) {
      throw refuse(`${field} is for credit products; ${type} lends nothing`, reason('product.not_credit', { field, type }))
    }
  }
}
