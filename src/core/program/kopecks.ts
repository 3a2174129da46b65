// Money is an integer number of kopecks (1 ₽ = 100 kopecks), never a float sum of roubles: every
// amount is rounded to a kopeck once, where it is made, and then only added or subtracted as an
// integer (exact in a double up to 2^53 kopecks, about 90 trillion roubles).
//
// Rounding is half to even (banker's). A business case rounds many amounts — each year's margin,
// each discounted flow, each driver of the tornado — and sums them; half-up would push every tie
// the same way and bias the sum upwards, half-even does not. These are projections, not postings
// to the ledger, where the statutory half-up would apply.
export type Kopecks = number

/** A few units in the last place of x: how far a product of doubles may stand from the exact one. */
const slack = (x: number) => 16 * Number.EPSILON * Math.max(1, Math.abs(x))

/** Rounds to the nearest integer, a tie to the even one. A double a hair off .5 (0.135 × 100) counts as the tie it stands for. */
export function roundHalfEven(x: number): number {
  const floor = Math.floor(x)
  const fraction = x - floor
  if (Math.abs(fraction - 0.5) <= slack(x)) return floor % 2 === 0 ? floor : floor + 1
  return Math.round(x)
}

/** An amount times a quantity or rate, rounded to the kopeck. */
export function multiplyKopecks(amount: Kopecks, factor: number): Kopecks {
  return roundHalfEven(amount * factor) + 0
}

/** Roubles as the API and the CLI write them (at most two decimals) to kopecks; undefined when not a whole kopeck. */
export function kopecksFromRoubles(roubles: number): Kopecks | undefined {
  if (!Number.isFinite(roubles)) return undefined
  const kopecks = roundHalfEven(roubles * 100)
  return Math.abs(kopecks - roubles * 100) <= slack(kopecks) ? kopecks + 0 : undefined
}

/** Kopecks as roubles for JSON: 12345 → 123.45 (a double prints two decimals exactly). */
export function roublesFromKopecks(kopecks: Kopecks): number {
  return kopecks / 100
}
