import { reason } from '../../contract/reason-codes.ts'
import { DomainError } from '../domain-error.ts'
import type { CheckedBusinessCase } from './check-business-case.ts'
import type { BusinessCaseInput } from './compute-business-case.ts'
import { computeProductEconomics, type ProductTerms } from './compute-product-economics.ts'

export type AssembleBusinessCaseInput = {
  assumptions: CheckedBusinessCase
  /** The program's target product from the catalogue; undefined when it has none. */
  product: ProductTerms | undefined
  /** Target + control of the program's latest wave, used when the case gives no audience. */
  waveAudience: number | undefined
  controlShare: number
}

const REQUIRED = ['channelCosts', 'responseRateTarget', 'responseRateControl', 'conversion', 'discountRate', 'horizonYears'] as const

/**
 * The business case ready to compute: the assumptions, the product's economics from the catalogue
 * and the audience. Refuses a case that misses something it needs, naming every missing field at
 * once (balances, turnover, fees and fixed costs left out count as zero).
 */
export function assembleBusinessCaseInput(input: AssembleBusinessCaseInput): BusinessCaseInput {
  const { assumptions: a, product } = input
  if (!product) throw new DomainError('conflict', 'The program has no target product, so the case has no margin', reason('case.no_product'))
  const missing: string[] = REQUIRED.filter((name) => a[name] === undefined).map((name) => `businessCase.${name}`)
  const audience = a.audience ?? input.waveAudience
  if (audience === undefined) missing.unshift('businessCase.audience')
  const lifetimeMonths = a.lifetimeMonths ?? product.lifetimeMonths ?? 0
  if (lifetimeMonths <= 0) missing.push('businessCase.lifetimeMonths')
  if (missing.length > 0) throw new DomainError('conflict', `The business case misses ${missing.join(', ')}`, reason('case.missing', { fields: missing.join(', ') }))
  return {
    audience: audience!,
    controlShare: input.controlShare,
    channelCosts: a.channelCosts!,
    fixedCosts: a.fixedCosts ?? 0,
    responseRateTarget: a.responseRateTarget!,
    responseRateControl: a.responseRateControl!,
    conversion: a.conversion!,
    product: computeProductEconomics(product, {
      averageBalance: a.averageBalance ?? 0,
      annualTurnover: a.annualTurnover ?? 0,
      exposureAtDefault: a.exposureAtDefault,
      annualFee: a.annualFee ?? 0,
      lifetimeMonths,
    }),
    discountRate: a.discountRate!,
    horizonYears: a.horizonYears!,
  }
}
