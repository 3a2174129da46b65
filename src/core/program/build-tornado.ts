import { computeBusinessCase, type BusinessCaseInput } from './compute-business-case.ts'
import { multiplyKopecks, type Kopecks } from './kopecks.ts'

export const TORNADO_DRIVERS = [
  'audience',
  'responseRateTarget',
  'responseRateControl',
  'conversion',
  'costPerContact',
  'fixedCosts',
  'margin',
  'expectedCreditLoss',
  'lifetime',
  'discountRate',
] as const
export type TornadoDriver = (typeof TORNADO_DRIVERS)[number]

export type TornadoBar = {
  driver: TornadoDriver
  /** The NPV with the driver at 80% and at 120% of its value (rates kept within [0, 1]). */
  npvLow: Kopecks
  npvHigh: Kopecks
  /** |npvHigh − npvLow|: the bars are sorted by it, widest first. */
  swing: Kopecks
}

export const TORNADO_STEP = 0.2

const rate = (value: number, factor: number) => Math.min(1, Math.max(0, value * factor))

/** The input with one driver scaled by the factor, the others as they are. */
function scaled(input: BusinessCaseInput, driver: TornadoDriver, factor: number): BusinessCaseInput {
  const { product } = input
  switch (driver) {
    case 'audience':
      return { ...input, audience: input.audience * factor }
    case 'responseRateTarget':
      return { ...input, responseRateTarget: rate(input.responseRateTarget, factor) }
    case 'responseRateControl':
      return { ...input, responseRateControl: rate(input.responseRateControl, factor) }
    case 'conversion':
      return { ...input, conversion: rate(input.conversion, factor) }
    case 'costPerContact':
      return { ...input, channelCosts: input.channelCosts.map((c) => ({ ...c, costPerContact: multiplyKopecks(c.costPerContact, factor) })) }
    case 'fixedCosts':
      return { ...input, fixedCosts: multiplyKopecks(input.fixedCosts, factor) }
    case 'margin': {
      const earned = multiplyKopecks(product.interestMarginPerYear + product.feesPerYear, factor)
      return { ...input, product: { ...product, netPerYear: earned - product.expectedCreditLossPerYear } }
    }
    case 'expectedCreditLoss': {
      const loss = multiplyKopecks(product.expectedCreditLossPerYear, factor)
      return { ...input, product: { ...product, netPerYear: product.interestMarginPerYear + product.feesPerYear - loss } }
    }
    case 'lifetime':
      return { ...input, product: { ...product, lifetimeYears: product.lifetimeYears * factor } }
    case 'discountRate':
      return { ...input, discountRate: input.discountRate * factor }
  }
}

/**
 * The tornado chart: each main driver moved 20% down and up with the others held (one-way
 * sensitivity), sorted by the NPV swing it causes. A driver that is zero (no credit loss, no fixed
 * costs) swings nothing and is left out.
 */
export function buildTornado(input: BusinessCaseInput): TornadoBar[] {
  const npv = (i: BusinessCaseInput) => computeBusinessCase(i).npv
  return TORNADO_DRIVERS.map((driver) => {
    const npvLow = npv(scaled(input, driver, 1 - TORNADO_STEP))
    const npvHigh = npv(scaled(input, driver, 1 + TORNADO_STEP))
    return { driver, npvLow, npvHigh, swing: Math.abs(npvHigh - npvLow) }
  })
    .filter((bar) => bar.swing > 0)
    .sort((a, b) => b.swing - a.swing || TORNADO_DRIVERS.indexOf(a.driver) - TORNADO_DRIVERS.indexOf(b.driver))
}
