import type { ChurnDefinition } from '../../contract/churn-schemas.ts'
import { addMonths } from '../selection/calendar.ts'
import { churnFeatures, type ChurnFeatureValues } from './churn-features.ts'
import { churnOf } from './churn-of.ts'
import type { ClientChurnFacts } from './client-churn-facts.ts'

/** One client as the bank saw them on a cut-off day, and whether they churned within the horizon after it. */
export type ChurnSnapshotRow = { clientId: number; cutoff: string; features: ChurnFeatureValues; churned: 0 | 1 }

export type ChurnSnapshotRowsInput = {
  facts: readonly ClientChurnFacts[]
  definition: ChurnDefinition
  cutoffs: readonly string[]
  horizonMonths: number
}

/**
 * The churn model's rows: for each cut-off day, every client who was a client then (a product
 * opened by that day) and had not churned by it, with the features as of that day and the label
 * "churned by the definition within `horizonMonths` after it". Deceased clients are left out:
 * their products close, but they did not leave.
 */
export function churnSnapshotRows(input: ChurnSnapshotRowsInput): ChurnSnapshotRow[] {
  const rows: ChurnSnapshotRow[] = []
  for (const cutoff of input.cutoffs) {
    const horizonEnd = addMonths(cutoff, input.horizonMonths)
    for (const facts of input.facts) {
      if (facts.status === 'deceased' || !facts.holdings.some((h) => h.openedAt <= cutoff)) continue
      if (churnOf({ definition: input.definition, facts, asOf: cutoff })) continue
      const later = churnOf({ definition: input.definition, facts, asOf: horizonEnd })
      const features = churnFeatures({ facts, asOf: cutoff, salaryProducts: input.definition.salaryProducts })
      rows.push({ clientId: facts.clientId, cutoff, features, churned: later && later.churnedOn > cutoff ? 1 : 0 })
    }
  }
  return rows
}

/**
 * The two cut-offs of the time-ordered holdout: month starts `horizonMonths` and twice that before
 * this month. The model learns on the earlier with its outcome fully seen by the later, and is
 * tested on the later with its outcome fully seen by this month — no training label reaches into
 * the test's future, and both horizons are the same length.
 */
export function churnCutoffs(today: string, horizonMonths: number): { train: string; test: string } {
  const month = `${today.slice(0, 7)}-01`
  return { train: addMonths(month, -2 * horizonMonths), test: addMonths(month, -horizonMonths) }
}
