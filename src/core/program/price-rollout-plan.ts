import { computeBusinessCase, type BusinessCase, type BusinessCaseInput } from './compute-business-case.ts'
import type { Kopecks } from './kopecks.ts'

// The rollout against the business case. The case contacts audience × (1 − control share) clients
// over the whole program, pilot included; the rollout contacts what the pilot left of them, and the
// control share stays out of every wave as it did in the pilot, so that the program keeps its measure.

/** Clients the rollout has left to contact: round(audience × (1 − control share)) − the pilot's contacted (target) members, never below 0. */
export function clientsLeftToContact(input: { audience: number; controlShare: number; pilotContacted: number }): number {
  return Math.max(0, Math.round(input.audience * (1 - input.controlShare)) - input.pilotContacted)
}

/** Contact cost of one client on every channel of the case: Σ cost per contact × contacts per client. */
export function contactCostPerClient(channels: BusinessCaseInput['channelCosts']): Kopecks {
  return channels.reduce((sum, c) => sum + c.costPerContact * c.contactsPerClient, 0)
}

/**
 * What the program's budget leaves for the rollout's contacts: budget − fixed costs − the pilot's
 * contact cost (its contacted members × the cost per client), never below 0 — the budget covers
 * the program's whole cost as the case counts it (fixed costs + every contact).
 */
export function rolloutBudgetLeft(input: { programBudget: Kopecks; businessCase: BusinessCaseInput; pilotContacted: number }): Kopecks {
  return Math.max(0, input.programBudget - input.businessCase.fixedCosts - input.pilotContacted * contactCostPerClient(input.businessCase.channelCosts))
}

/**
 * The business case on the planned reach: the same formulas (compute-business-case.ts: incremental
 * products = contacted × uplift × conversion, NPV = Σₖ CFₖ / (1 + r)ᵏ − cost) with contacted = the
 * pilot's contacted + the rollout's planned clients, instead of audience × (1 − control share).
 * Fixed costs stay whole: they are spent whatever the reach.
 */
export function priceRolloutPlan(input: { businessCase: BusinessCaseInput; pilotContacted: number; planned: number }): BusinessCase {
  return computeBusinessCase({ ...input.businessCase, audience: input.pilotContacted + input.planned, controlShare: 0 })
}
