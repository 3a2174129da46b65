import type { Channel } from '../../contract/channels.ts'
import type { ProductEconomics } from './compute-product-economics.ts'
import { multiplyKopecks, roundHalfEven, type Kopecks } from './kopecks.ts'

export type ChannelCost = { channel: Channel; costPerContact: Kopecks; contactsPerClient: number }

/** A program's business case, checked (check-business-case-input.ts): money in kopecks, rates as fractions. */
export type BusinessCaseInput = {
  /** Clients in the selection (after the contact policy). */
  audience: number
  /** The share of them kept as control, never contacted. */
  controlShare: number
  channelCosts: readonly ChannelCost[]
  /** Spent once, at the start: design, set-up, the call script. */
  fixedCosts: Kopecks
  responseRateTarget: number
  responseRateControl: number
  /** The share of responders who open the product. */
  conversion: number
  product: ProductEconomics
  /** The bank's annual discount rate. */
  discountRate: number
  /** Years of margin counted (the product's lifetime may end sooner). */
  horizonYears: number
}

export type CashFlow = { year: number; flow: Kopecks; discounted: Kopecks }

export type BusinessCase = {
  contacted: number
  uplift: number
  incrementalResponders: number
  incrementalProducts: number
  contactCost: Kopecks
  fixedCosts: Kopecks
  totalCost: Kopecks
  /** One product's net margin over its lifetime within the horizon, discounted. */
  valuePerProduct: Kopecks
  /** Year 0 is the cost; years 1… the incremental products' margin, each discounted to year 0. */
  cashFlows: CashFlow[]
  npv: Kopecks
  /** Undiscounted: the margin within the horizon minus the cost. */
  profit: Kopecks
  /** NPV per rouble spent; null when nothing is spent. */
  roi: number | null
  /** The uplift (target − control response rate) at which the NPV is zero; null when a product earns nothing. */
  breakEvenUplift: number | null
  breakEvenResponseRate: number | null
  /** Years until the discounted cash flow pays the cost back (linear within a year); null when it never does within the horizon. */
  paybackYears: number | null
}

/** Shares of each year in the product's lifetime: 2.5 years → [1, 1, 0.5]; cut at the horizon. */
function yearFractions(lifetimeYears: number, horizonYears: number): number[] {
  const years = Math.min(horizonYears, Math.ceil(lifetimeYears - 1e-9))
  return Array.from({ length: Math.max(0, years) }, (_, i) => Math.min(1, lifetimeYears - i))
}

/**
 * The business case as incremental NPV: the contacted clients (audience × (1 − control share))
 * times the uplift (target − control response rate) times the conversion are the incremental
 * products; each earns the product's net margin a year for its lifetime, discounted at the end of
 * each year, NPV = Σₖ CFₖ / (1 + r)ᵏ − (fixed costs + contact costs). Every flow is rounded to the
 * kopeck (half-even) before it is summed.
 */
export function computeBusinessCase(input: BusinessCaseInput): BusinessCase {
  const contacted = input.audience * (1 - input.controlShare)
  const uplift = input.responseRateTarget - input.responseRateControl
  const incrementalResponders = contacted * uplift
  const incrementalProducts = incrementalResponders * input.conversion
  const contactCost = input.channelCosts.reduce((sum, c) => sum + multiplyKopecks(c.costPerContact, contacted * c.contactsPerClient), 0)
  const totalCost = input.fixedCosts + contactCost

  const fractions = yearFractions(input.product.lifetimeYears, input.horizonYears)
  const discount = (year: number) => (1 + input.discountRate) ** year
  const flows = fractions.map((fraction, i) => {
    const flow = multiplyKopecks(input.product.netPerYear, incrementalProducts * fraction)
    return { year: i + 1, flow, discounted: roundHalfEven(flow / discount(i + 1)) + 0 }
  })
  const cashFlows: CashFlow[] = [{ year: 0, flow: -totalCost, discounted: -totalCost }, ...flows]
  const npv = cashFlows.reduce((sum, f) => sum + f.discounted, 0)
  const profit = cashFlows.reduce((sum, f) => sum + f.flow, 0)
  const valuePerProductExact = fractions.reduce((sum, fraction, i) => sum + (input.product.netPerYear * fraction) / discount(i + 1), 0)

  // NPV = contacted × u × conversion × value per product − cost, so NPV = 0 at u = cost / (contacted × conversion × value).
  const earningPerUplift = contacted * input.conversion * valuePerProductExact
  const breakEvenUplift = earningPerUplift > 0 ? totalCost / earningPerUplift : null
  return {
    contacted,
    uplift,
    incrementalResponders,
    incrementalProducts,
    contactCost,
    fixedCosts: input.fixedCosts,
    totalCost,
    valuePerProduct: roundHalfEven(valuePerProductExact) + 0,
    cashFlows,
    npv,
    profit,
    roi: totalCost > 0 ? npv / totalCost : null,
    breakEvenUplift,
    breakEvenResponseRate: breakEvenUplift === null ? null : input.responseRateControl + breakEvenUplift,
    paybackYears: paybackYears(cashFlows),
  }
}

function paybackYears(cashFlows: readonly CashFlow[]): number | null {
  let cumulative = 0
  for (const { year, discounted } of cashFlows) {
    const before = cumulative
    cumulative += discounted
    if (cumulative < 0) continue
    // Paid back during this year: the part of its flow that covers what was still owed.
    return year === 0 || discounted === 0 ? year : year - 1 + -before / discounted
  }
  return null
}
