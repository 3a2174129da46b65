import { countUpliftGroups } from './count-uplift-groups.ts'
import { overallOrder } from './overall-order.ts'
import type { UpliftTable } from './uplift-table.ts'

/** One tenth of the members by score: its groups, their response rates (null when empty) and the uplift. */
export type ScoreDecile = {
  treated: number
  control: number
  treatedRate: number | null
  controlRate: number | null
  uplift: number | null
}

/**
 * Uplift by score decile as scikit-uplift's uplift_by_percentile (strategy='overall', bins=10):
 * the members in overallOrder cut into `bins` parts as numpy.array_split cuts them (the first
 * n mod bins parts one member larger), each with its own treated and control response rates.
 */
export function upliftByScoreDecile(table: UpliftTable, bins = 10): ScoreDecile[] {
  const order = overallOrder(table.score)
  const base = Math.floor(order.length / bins)
  const larger = order.length % bins
  const deciles: ScoreDecile[] = []
  let start = 0
  for (let bin = 0; bin < bins; bin++) {
    const end = start + base + (bin < larger ? 1 : 0)
    deciles.push(decile(table, order.slice(start, end)))
    start = end
  }
  return deciles
}

function decile(table: UpliftTable, members: readonly number[]): ScoreDecile {
  const { treated, treatedResponders, control, controlResponders } = countUpliftGroups(table, members)
  const treatedRate = treated === 0 ? null : treatedResponders / treated
  const controlRate = control === 0 ? null : controlResponders / control
  const uplift = treatedRate === null || controlRate === null ? null : treatedRate - controlRate
  return { treated, control, treatedRate, controlRate, uplift }
}
