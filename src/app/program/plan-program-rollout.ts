import type { Kysely } from 'kysely'
import type { z } from 'zod'
import { reason } from '../../contract/reason-codes.ts'
import type { rolloutPlan, rolloutPlanBody } from '../../contract/rollout-schemas.ts'
import { DomainError } from '../../core/domain-error.ts'
import { checkRolloutPlan } from '../../core/program/check-rollout-plan.ts'
import { computeBusinessCase, type BusinessCase } from '../../core/program/compute-business-case.ts'
import { roublesFromKopecks as rub } from '../../core/program/kopecks.ts'
import { planRollout } from '../../core/program/plan-rollout.ts'
import { clientsLeftToContact, priceRolloutPlan, rolloutBudgetLeft } from '../../core/program/price-rollout-plan.ts'
import { isWorkingDay } from '../../core/working-days.ts'
import type { Schema } from '../../db/schema.ts'
import { findProgramByCode, type ProgramRecord } from '../../db/stores/program-store.ts'
import { pilotContactedCount } from '../../db/stores/rollout-plan-store.ts'
import { programCaseInput } from './compute-program-case.ts'

export type RolloutPlanInputs = z.output<typeof rolloutPlanBody>
export type RolloutPlanAnswer = z.infer<typeof rolloutPlan>

/** POST /api/programs/:code/rollout-plan and `otklik program rollout-plan`: the plan for these inputs, nothing stored. */
export async function planProgramRollout(db: Kysely<Schema>, input: { code: string; body: RolloutPlanInputs }): Promise<RolloutPlanAnswer> {
  const program = await findProgramByCode(db, input.code)
  if (!program) throw new DomainError('not_found', `No program ${input.code}`, reason('program.not_found', { id: input.code }))
  return computeRolloutPlan(db, program, input.body)
}

/**
 * The rollout plan of a program: the case's channels and costs, the clients the pilot left
 * (its pilot waves' target, or the planned pilot size less the control while no pilot wave is
 * built), the program's budget less what the case spends outside the rollout, the bank's working
 * days by the Labour Code (no year's decree is configured yet), and the case on the planned reach.
 */
export async function computeRolloutPlan(db: Kysely<Schema>, program: ProgramRecord, body: RolloutPlanInputs): Promise<RolloutPlanAnswer> {
  const { input: businessCase } = await programCaseInput(db, program)
  if (businessCase.channelCosts.length === 0) throw new DomainError('conflict', 'The business case names no channel', reason('rollout.no_channels'))
  const checked = checkRolloutPlan(body, businessCase.channelCosts.map((c) => c.channel))
  const pilotWaves = await pilotContactedCount(db, program.id)
  const pilotContacted = pilotWaves ?? (program.pilotSize === null ? 0 : Math.round(program.pilotSize * (1 - program.controlShare)))
  const clients = clientsLeftToContact({ audience: businessCase.audience, controlShare: businessCase.controlShare, pilotContacted })
  const programBudget = checked.budget === undefined ? program.budgetKopecks : checked.budget
  const budgetLeft = programBudget === null ? null : rolloutBudgetLeft({ programBudget, businessCase, pilotContacted })
  const plan = planRollout({
    clients,
    channels: businessCase.channelCosts.map((c) => ({ ...c, budget: checked.channelBudgets.find((b) => b.channel === c.channel)?.budget ?? null })),
    budget: budgetLeft,
    capacity: checked.capacity,
    start: checked.start,
    end: checked.end,
    maxWaveSize: checked.maxWaveSize,
    isWorkingDay: (day) => isWorkingDay(day),
  })
  const money = <T extends { cost: number }>(line: T) => ({ ...line, cost: rub(line.cost) })
  return {
    program: program.code,
    inputs: { ...checked.capacity, start: checked.start, end: checked.end, maxWaveSize: checked.maxWaveSize, budget: programBudget === null ? null : rub(programBudget), channelBudgets: checked.channelBudgets.map((b) => ({ channel: b.channel, budget: rub(b.budget) })) },
    caseContacted: Math.round(businessCase.audience * (1 - businessCase.controlShare)),
    pilotContacted,
    budgetLeft: budgetLeft === null ? null : rub(budgetLeft),
    ...plan,
    waves: plan.waves.map((w) => ({ ...money(w), channels: w.channels.map(money) })),
    contacts: plan.contacts.map(money),
    cost: rub(plan.cost),
    case: caseFigures(priceRolloutPlan({ businessCase, pilotContacted, planned: plan.planned })),
    caseFullReach: caseFigures(computeBusinessCase(businessCase)),
  }
}

function caseFigures(result: BusinessCase) {
  return {
    contacted: result.contacted,
    incrementalProducts: result.incrementalProducts,
    contactCost: rub(result.contactCost),
    totalCost: rub(result.totalCost),
    npv: rub(result.npv),
    profit: rub(result.profit),
    roi: result.roi,
  }
}
