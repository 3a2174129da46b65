import { multiplyKopecks, type Kopecks } from './kopecks.ts'

export type PriceVerdictInput = {
  /** Responders the program added in the pilot's target (uplift × n_t), with the interval ci × n_t. */
  incrementalResponders: { estimate: number; ci: readonly [number, number] }
  /** The share of those responders who open the product (1 when the response is the product opened). */
  conversion: number
  /** One product's discounted net margin over its lifetime (the business case's value per product). */
  valuePerProduct: Kopecks
  /** What the wave's contacts cost. */
  waveCost: Kopecks
}

export type PricedVerdict = {
  incrementalProducts: { estimate: number; ci: [number, number] }
  /** Kopecks; the interval is the uplift's interval carried through the same line. */
  incrementalProfit: { estimate: Kopecks; ci: [Kopecks, Kopecks] }
}

/**
 * The verdict in money: incremental profit = incremental responders × conversion × value per
 * product − the wave's cost, each money amount rounded to the kopeck (half-even) once. Profit is
 * linear in the uplift, so the ends of the uplift's interval give the ends of the profit's; a
 * product worth less than nothing turns the interval round, hence the min and max.
 */
export function priceVerdict(input: PriceVerdictInput): PricedVerdict {
  const { incrementalResponders, conversion, valuePerProduct, waveCost } = input
  const products = (responders: number) => responders * conversion
  const profit = (responders: number) => multiplyKopecks(valuePerProduct, products(responders)) - waveCost
  const [low, high] = incrementalResponders.ci
  const ends = [profit(low), profit(high)]
  return {
    incrementalProducts: { estimate: products(incrementalResponders.estimate), ci: [products(low), products(high)] },
    incrementalProfit: { estimate: profit(incrementalResponders.estimate), ci: [Math.min(...ends), Math.max(...ends)] },
  }
}
